package org.safeguarding.exchange.service.integrity;

/** A checkpoint or signed note that is malformed or whose signature does not hold; the message says why. */
public final class InvalidCheckpointException extends Exception {

    /** A rejected checkpoint, with the reason in words. */
    public InvalidCheckpointException(String reason) {
        super(reason);
    }
}
