package org.safeguarding.exchange.service.policy;

import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Derby section 4: hazards "are periodically reviewed to check they need to remain active", so a hazard raised
 * today is not raised with its review already overdue. Dates are English dates (Europe/London).
 */
final class HazardReviewNotOverdue implements Rule<HazardNotification> {

    static final String RULE_ID = "derby-4/review-due";
    static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/London");

    private final Clock clock;

    HazardReviewNotOverdue(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void check(HazardNotification hazard, Envelope envelope, Findings findings) {
        LocalDate today = LocalDate.now(clock.withZone(LOCAL_ZONE));
        if (hazard.getAction() == HazardAction.RAISED && hazard.getReviewDue() != null
                && hazard.getReviewDue().isBefore(today)) {
            findings.violation("reviewDue", RULE_ID, "The review date " + hazard.getReviewDue()
                    + " has already passed: set the date by which the hazard will be reviewed to check it needs to remain active (Derby section 4).");
        }
    }
}
