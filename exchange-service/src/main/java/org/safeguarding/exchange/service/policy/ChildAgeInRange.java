package org.safeguarding.exchange.service.policy;

import exchange.v1.ConsentOutcome;

/**
 * Children's services record children and care leavers up to 25, so an age outside 0..25 is a recording error.
 * It would otherwise decide wrongly whether the child must be involved ({@link ChildViewsRecorded}).
 */
final class ChildAgeInRange implements Rule<ConsentOutcome> {

    static final String RULE_ID = "aspired-futures/child-age-range";
    static final int OLDEST = 25;

    @Override
    public void check(ConsentOutcome outcome, Envelope envelope, Findings findings) {
        Integer age = outcome.getChildAge();
        if (age != null && (age < 0 || age > OLDEST)) {
            findings.violation("childAge", RULE_ID,
                    "childAge " + age + " is not a child's age; record the child's age in years, from 0 to " + OLDEST + ", or leave it out.");
        }
    }
}
