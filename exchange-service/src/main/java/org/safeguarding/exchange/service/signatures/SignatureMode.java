package org.safeguarding.exchange.service.signatures;

/** Whether an agency's messages must be signed. */
public enum SignatureMode {
    /** An unsigned message is rejected: the exchange registers only what it can show the agency sent. */
    REQUIRED,
    /**
     * An unsigned message is accepted and flagged {@code SENDER_NOT_PROVEN}: its sender is only what the message
     * claims. For an agency still moving to signing; a signed message is checked exactly as under REQUIRED.
     */
    OPTIONAL
}
