package org.safeguarding.exchange.service.policy;

import exchange.v1.HazardNotification;

/**
 * Derby section 4: the hazard warning is attached to the child's record as well as the offending person's, so a
 * hazard names at least one linked child. A missing list is reported by {@link RequiredFieldsPresent}.
 */
final class HazardLinkedToChild implements Rule<HazardNotification> {

    static final String RULE_ID = "derby-4/linked-child";

    @Override
    public void check(HazardNotification hazard, Envelope envelope, Findings findings) {
        if (hazard.getLinkedChildren() != null && hazard.getLinkedChildren().isEmpty()) {
            findings.violation("linkedChildren", RULE_ID,
                    "Name at least one child in linkedChildren; Derby section 4 attaches a hazard warning to the child's record as well as the person's.");
        }
    }
}
