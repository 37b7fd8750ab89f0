package org.safeguarding.exchange.service.policy;

import exchange.v1.Decision;
import exchange.v1.ShareDecision;

/**
 * Hull 3.1: "what type of information you shared": a decision to share, in whole or in part, lists what was
 * shared; a DECLINE shares nothing.
 */
final class SharedInformationListed implements Rule<ShareDecision> {

    static final String RULE_ID = "hull-3.1/information-shared";

    @Override
    public void check(ShareDecision decision, Envelope envelope, Findings findings) {
        boolean shares = decision.getDecision() == Decision.SHARE || decision.getDecision() == Decision.SHARE_PARTIAL;
        if (shares && decision.getInformationShared() != null && decision.getInformationShared().isEmpty()) {
            findings.violation("informationShared", RULE_ID, "The decision is " + decision.getDecision()
                    + ": list each item of information shared, with its category and whether it is fact or opinion (Hull 3.1).");
        }
    }
}
