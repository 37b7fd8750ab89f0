package org.safeguarding.exchange.service.console.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.safeguarding.exchange.service.access.KafkaBacklogs;
import org.safeguarding.exchange.service.checkpoints.RegisterProofs;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.deadlines.DeadlineQueries;
import org.safeguarding.exchange.service.deadlines.HazardReview;
import org.safeguarding.exchange.service.deadlines.RequestDeadline;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.register.RegisterTraffic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Everything the hub watches, gathered at one instant: counts, ages and statuses, naming agencies, topics and rules but
 * never a case's content or a person, so the hub's page cannot show what it was never given. A source that cannot
 * answer (Kafka down, no administrator's settings) is shown as not known, and the rest still are.
 */
@Component
public class HubFigures {

    private static final Logger log = LoggerFactory.getLogger(HubFigures.class);

    /** The chart's window, in minutes. */
    public static final int WINDOW_MINUTES = 15;
    static final Duration REASONS_OVER = Duration.ofHours(24);
    private static final int REASONS_LISTED = 5;

    private final RegisterTraffic traffic;
    private final KafkaBacklogs backlogs;
    private final DeadlineQueries deadlines;
    private final RegisterProofs proofs;
    private final AgencyDirectory directory;
    private final Clock clock;

    HubFigures(RegisterTraffic traffic, KafkaBacklogs backlogs, DeadlineQueries deadlines, RegisterProofs proofs,
            AgencyDirectory directory, Clock clock) {
        this.traffic = traffic;
        this.backlogs = backlogs;
        this.deadlines = deadlines;
        this.proofs = proofs;
        this.directory = directory;
        this.clock = clock;
    }

    public HubSnapshot now() {
        Instant now = clock.instant();
        TrafficSummary summary = TrafficSummary.of(traffic.since(now.minus(Duration.ofMinutes(WINDOW_MINUTES)), IntakeTopic.names()), now, WINDOW_MINUTES);
        List<HubSnapshot.Reason> reasons = traffic.rejectionRules(now.minus(REASONS_OVER), REASONS_LISTED).stream()
                .map(r -> new HubSnapshot.Reason(r.rule(), PolicyParagraph.of(r.rule()), r.messages())).toList();
        List<HubSnapshot.Inbox> inboxes = null;
        String inboxesUnknown = null;
        Long intakeLag = null;
        try {
            inboxes = backlogs.inboxes(directory.all()).map(all -> all.stream()
                    .map(b -> new HubSnapshot.Inbox(b.agency(), nameOf(b.agency()), b.unread(), b.unread() >= KafkaBacklogs.MAX_COUNTED,
                            b.oldestUnreadAt() == null ? null : Ages.text(Duration.between(b.oldestUnreadAt(), now)), b.hazardsUnread(),
                            b.everRead()))
                    .sorted(Comparator.comparingLong(HubSnapshot.Inbox::hazardsUnread).reversed()
                            .thenComparing(Comparator.comparingLong(HubSnapshot.Inbox::unread).reversed())
                            .thenComparing(HubSnapshot.Inbox::agency))
                    .toList()).orElse(null);
            if (inboxes == null) {
                inboxesUnknown = "The exchange has no Kafka administrator's settings (exchange.access.admin.*), so it cannot see agencies' read positions.";
            }
            intakeLag = backlogs.intakeLag();
        } catch (RuntimeException e) {
            log.warn("Cannot read Kafka positions for the hub: {}", e.getMessage());
            inboxesUnknown = inboxesUnknown != null ? inboxesUnknown : "Kafka did not answer: " + e.getMessage();
        }
        List<RequestDeadline> open = deadlines.requests(false);
        List<HazardReview> reviews = deadlines.hazardReviewsDue();
        RegisterProofs.LatestCheckpoint checkpoint = proofs.latest().orElse(null);
        return new HubSnapshot(now, summary, reasons, inboxes, inboxesUnknown, intakeLag, open.size(),
                open.stream().filter(RequestDeadline::overdue).count(), reviews.size(),
                reviews.stream().filter(r -> r.status() == HazardReview.Status.OVERDUE).count(), deadlines.bringUpsDue().size(),
                checkpoint, checkpoint == null ? null : Ages.text(Duration.between(checkpoint.issuedAt(), now)));
    }

    private String nameOf(String code) {
        return directory.find(code).map(Agency::name).orElse(code);
    }
}
