package org.safeguarding.exchange.service.register;

/** Flags an entry may carry. */
public final class RegisterFlags {

    /** Contract rule 4 and Derby section 1: recorded more than 24 hours after the event. */
    public static final String LATE_ENTRY = "LATE_ENTRY";
    /** Set on a receipt answering a message whose id the register already holds (contract rule 5). */
    public static final String DUPLICATE = "DUPLICATE";

    private RegisterFlags() {
    }
}
