package org.safeguarding.exchange.service.console.internal;

import java.time.Instant;
import java.util.List;
import org.safeguarding.exchange.service.checkpoints.RegisterProofs.LatestCheckpoint;

/**
 * The hub's figures at one instant.
 *
 * @param inboxes        each agency's unread inbox, hazards first; null when not known ({@code inboxesUnknown} says why)
 * @param intakeLag      messages on the intake topics not yet taken by the exchange, or null when not known
 * @param checkpoint     the latest signed checkpoint, or null before the first
 */
public record HubSnapshot(Instant at, TrafficSummary traffic, List<Reason> rejectionReasons, List<Inbox> inboxes, String inboxesUnknown,
        Long intakeLag, long openRequests, long overdueRequests, long hazardReviewsDue, long hazardReviewsOverdue, long bringUpsDue,
        LatestCheckpoint checkpoint, String checkpointAge) {

    /** When the figures were gathered, as {@code 14:05:09 UTC}. */
    public String time() {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    /** A rule that rejected messages, the policy paragraph it cites, and how many it rejected. */
    public record Reason(String rule, String paragraph, long messages) {
    }

    /** An agency's unread inbox; {@code atLeast} when there were more than could be counted. */
    public record Inbox(String agency, String agencyName, long unread, boolean atLeast, String oldestUnreadAge, long hazardsUnread,
            boolean everRead) {
    }
}
