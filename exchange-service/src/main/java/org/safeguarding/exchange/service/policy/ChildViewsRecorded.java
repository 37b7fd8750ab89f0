package org.safeguarding.exchange.service.policy;

import exchange.v1.ConsentOutcome;

/**
 * Aspired Futures: "CYP mature enough (normally considered to be 12 or over), will be involved in making decisions
 * to share information about them": a consent outcome for a child of 12 or over records the child's views.
 * An impossible age is reported by {@link ChildAgeInRange} instead.
 */
final class ChildViewsRecorded implements Rule<ConsentOutcome> {

    static final String RULE_ID = "aspired-futures/child-views";
    static final int MATURE_AGE = 12;

    @Override
    public void check(ConsentOutcome outcome, Envelope envelope, Findings findings) {
        Integer age = outcome.getChildAge();
        if (age != null && age >= MATURE_AGE && age <= ChildAgeInRange.OLDEST && RecordFields.isBlank(outcome.getChildViews())) {
            findings.violation("childViews", RULE_ID, "The child is " + age
                    + ": a child of 12 or over is involved in the decision, so record the child's views (Aspired Futures).");
        }
    }
}
