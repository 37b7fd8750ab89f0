package org.safeguarding.exchange.service.integrity;

/** A Merkle proof that does not prove what it claims, or is malformed; the message says why. */
public final class InvalidProofException extends Exception {

    /** A rejected proof, with the reason in words. */
    public InvalidProofException(String reason) {
        super(reason);
    }
}
