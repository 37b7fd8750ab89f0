package org.safeguarding.exchange.service.replay;

import java.time.Instant;

/**
 * A request to re-submit a dead letter to intake, and what became of it, as the register records both acts.
 *
 * @param decision     {@code APPROVED} or {@code REFUSED}, or null while it waits for a second person
 * @param replayedAs   the message id the replayed message is registered under, once approved
 * @param replayedEntry   the register entry of the replayed message, once intake has taken it
 * @param replayedOutcome what intake made of it this time: {@code ACCEPTED}, {@code REJECTED} or {@code UNDECODABLE}
 */
public record Replay(String replayId, long deadLetterSequence, long requestEntry, String requestedBy, Instant requestedAt, String reason,
        String decision, Long decisionEntry, String decidedBy, Instant decidedAt, String decisionReason, String replayedAs,
        Long replayedEntry, String replayedOutcome) {

    public boolean pending() {
        return decision == null;
    }

    /** Approved, but intake has not registered it (yet, or the send failed): it may be sent again, to the same id. */
    public boolean awaitingIntake() {
        return "APPROVED".equals(decision) && replayedEntry == null;
    }
}
