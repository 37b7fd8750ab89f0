package org.safeguarding.exchange.service.register;

/** The register's answer for one message: the entry that stands for it and how it got there. */
public record Recorded(NewEntry message, RegisterEntry entry, Disposition disposition) {

    /**
     * An accepted message the register wrote a new entry for: the only kind whose effects on state derived from the
     * register are still to be written (a replay's and a duplicate's were written with their first entry).
     */
    public boolean newlyAccepted() {
        return disposition == Disposition.NEW && entry.message().outcome() == EntryOutcome.ACCEPTED;
    }
}
