package org.safeguarding.exchange.service.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.safeguarding.exchange.service.deadlines.internal.DeadlineRules;
import org.springframework.stereotype.Component;

/** The lists behind the deadline endpoints: unanswered requests, hazard reviews due, cases due for bring-up. */
@Component
public class DeadlineQueries {

    private final DeadlineFacts facts;
    private final DeadlineRules rules;
    private final Clock clock;

    DeadlineQueries(DeadlineFacts facts, DeadlineRules rules, Clock clock) {
        this.facts = facts;
        this.rules = rules;
        this.clock = clock;
    }

    /** Every unanswered request, or only the overdue ones; the longest waiting first. */
    public List<RequestDeadline> requests(boolean overdueOnly) {
        Instant now = clock.instant();
        return facts.openRequests(overdueOnly ? rules.overdueOnlyIfRequestedBefore(now) : null).stream()
                .map(request -> rules.deadlineOf(request, now))
                .filter(deadline -> !overdueOnly || deadline.overdue())
                .sorted(Comparator.comparing(RequestDeadline::dueAt).thenComparing(RequestDeadline::requestId))
                .toList();
    }

    public List<HazardReview> hazardReviewsDue() {
        Instant now = clock.instant();
        return facts.activeHazards(rules.reviewDueBy(now)).stream()
                .map(hazard -> rules.reviewOf(hazard, now)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(HazardReview::reviewDue).thenComparing(HazardReview::hazardId))
                .toList();
    }

    public List<BringUp> bringUpsDue() {
        Instant now = clock.instant();
        return facts.caseContactsQuietSince(rules.bringUpQuietSince(now)).stream()
                .map(contact -> rules.bringUpOf(contact, now)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(BringUp::dueDate).thenComparing(BringUp::caseReference))
                .toList();
    }
}
