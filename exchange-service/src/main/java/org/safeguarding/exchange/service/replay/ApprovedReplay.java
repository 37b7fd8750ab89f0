package org.safeguarding.exchange.service.replay;

/**
 * A replay a second person approved: intake takes the dead letter's bytes again as a new message, registered under
 * {@link #replayedMessageId()}, only when they are the very bytes, id and sender of the dead letter.
 */
public record ApprovedReplay(String replayId, long deadLetterSequence, String messageId, String provenSender, byte[] payloadSha256) {

    /** The register's id for the replayed message: the dead letter's own id stays with the dead letter. */
    public String replayedMessageId() {
        return replayedMessageId(messageId, replayId);
    }

    static String replayedMessageId(String messageId, String replayId) {
        return messageId + "#replay-" + replayId;
    }
}
