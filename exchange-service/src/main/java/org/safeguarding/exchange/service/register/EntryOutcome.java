package org.safeguarding.exchange.service.register;

/** What the exchange did with a message; every message received ends in exactly one register entry. */
public enum EntryOutcome {
    /** Decoded, obeyed every rule, delivered. */
    ACCEPTED,
    /** Decoded, broke at least one rule (contract rule 1): answered with a REJECTED receipt, not delivered. */
    REJECTED,
    /** Could not be decoded: its bytes went unchanged to the dead-letter topic. */
    UNDECODABLE
}
