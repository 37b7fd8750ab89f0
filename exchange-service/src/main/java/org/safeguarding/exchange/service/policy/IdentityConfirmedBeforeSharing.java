package org.safeguarding.exchange.service.policy;

import exchange.v1.Decision;
import exchange.v1.IdentityCheckOutcome;
import exchange.v1.ShareDecision;

/**
 * Contract rule 3 and Hull 3.2: information is shared in answer to a request only once the requester's identity
 * is CONFIRMED. A missing check is reported by {@link IdentityCheckedBeforeAnswering}; a proactive disclosure
 * (no requestId) has no requester to check.
 */
final class IdentityConfirmedBeforeSharing implements Rule<ShareDecision> {

    static final String RULE_ID = "hull-3.2/requester-identity-confirmed";

    @Override
    public void check(ShareDecision decision, Envelope envelope, Findings findings) {
        boolean shares = decision.getDecision() == Decision.SHARE || decision.getDecision() == Decision.SHARE_PARTIAL;
        var identityCheck = decision.getRequesterIdentityCheck();
        if (shares && decision.getRequestId() != null && identityCheck != null
                && identityCheck.getOutcome() != IdentityCheckOutcome.CONFIRMED) {
            findings.violation("requesterIdentityCheck.outcome", RULE_ID, "The requester's identity is "
                    + identityCheck.getOutcome() + ": do not share until it is confirmed, or record the decision as DECLINE"
                    + " (contract rule 3, Hull 3.2).");
        }
    }
}
