package org.safeguarding.exchange.service.register;

/** How a message stands against the register when it is recorded. */
public enum Disposition {
    /** First time this message id is seen: a new entry was written. */
    NEW,
    /**
     * The entry exists and came from these very coordinates: the record is being read again after a failure
     * between the database commit and the Kafka commit, so its outputs must be produced again.
     */
    REPLAY,
    /** Another message with a message id already in the register (contract rule 5): no second entry or delivery. */
    DUPLICATE
}
