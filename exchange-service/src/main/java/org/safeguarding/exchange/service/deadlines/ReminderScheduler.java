package org.safeguarding.exchange.service.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.safeguarding.exchange.service.deadlines.internal.DeadlineProperties;
import org.safeguarding.exchange.service.deadlines.internal.DeadlineRules;
import org.safeguarding.exchange.service.deadlines.internal.PlannedReminder;
import org.safeguarding.exchange.service.deadlines.internal.ReminderOutbox;
import org.safeguarding.exchange.service.delivery.ReminderDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline rules every {@code exchange.reminders.interval} on every instance: decides the reminders due
 * and delivers the decided ones (the outbox makes each happen once across instances). Time is the service's Clock.
 */
@Component
public class ReminderScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);
    private static final int BATCH = 500;

    private final DeadlineFacts facts;
    private final DeadlineRules rules;
    private final ReminderOutbox outbox;
    private final ReminderDeliveries deliveries;
    private final DeadlineProperties.Reminders properties;
    private final Clock clock;

    ReminderScheduler(DeadlineFacts facts, DeadlineRules rules, ReminderOutbox outbox, ReminderDeliveries deliveries,
            DeadlineProperties.Reminders properties, Clock clock) {
        this.facts = facts;
        this.rules = rules;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${exchange.reminders.interval:PT1M}", initialDelayString = "${exchange.reminders.interval:PT1M}")
    void onSchedule() {
        if (!properties.enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The database or broker is down: everything is still undecided or unpublished, so the next run catches up.
            log.warn("Reminder run failed; the next run will catch up: {}", e.toString());
        }
    }

    /** One run: decide what is due now, then deliver everything decided and not yet delivered. */
    public int runOnce() {
        Instant now = clock.instant();
        List<PlannedReminder> due = rules.remindersDue(facts.openRequests(rules.overdueOnlyIfRequestedBefore(now)),
                        facts.activeHazards(rules.reviewDueBy(now)), facts.caseContactsQuietSince(rules.bringUpQuietSince(now)),
                        now)
                .stream().filter(reminder -> deliveries.hasInbox(reminder.agency())).toList();
        if (!due.isEmpty()) {
            outbox.decide(due, now);
        }
        int delivered = 0;
        int sent;
        do {
            sent = outbox.publishPending(BATCH);
            delivered += sent;
        } while (sent == BATCH);
        return delivered;
    }
}
