package org.safeguarding.exchange.service.policy;

/** Facts about an accepted entry that the register records alongside it. */
public enum EntryFlag {
    /** Recorded more than 24 hours after the event (contract rule 4, Derby section 1). */
    LATE_ENTRY
}
