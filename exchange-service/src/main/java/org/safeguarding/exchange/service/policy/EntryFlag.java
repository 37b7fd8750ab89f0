package org.safeguarding.exchange.service.policy;

/** Facts about an accepted entry that the register records alongside it. */
public enum EntryFlag {
    /** Recorded more than 24 hours after the event (contract rule 4, Derby section 1). */
    LATE_ENTRY,
    /**
     * Accepted unsigned from an agency allowed to send so ({@code exchange.signatures}): the sender is only what the
     * message claims (AUDITING.md, Who sent a message).
     */
    SENDER_NOT_PROVEN
}
