package org.safeguarding.exchange.service.policy;

import exchange.v1.ShareDecision;

/**
 * Hull 3.2: "your decision (whether or not to share) and the reason/s for this decision". A decision with no
 * reasons at all is refused; a blank reason is a missing required string, reported by {@link RequiredFieldsPresent}.
 */
final class DecisionReasonsGiven implements Rule<ShareDecision> {

    static final String RULE_ID = "hull-3.2/decision-reasons";

    @Override
    public void check(ShareDecision decision, Envelope envelope, Findings findings) {
        if (decision.getReasons() != null && decision.getReasons().isEmpty()) {
            findings.violation("reasons", RULE_ID,
                    "Give at least one reason for the decision; Hull 3.2 requires the reasons for every decision to share or not.");
        }
    }
}
