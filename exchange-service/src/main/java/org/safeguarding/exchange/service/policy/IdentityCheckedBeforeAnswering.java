package org.safeguarding.exchange.service.policy;

import exchange.v1.ShareDecision;

/**
 * Hull 3.2: when asked to share, record "how the identity of the requester was confirmed (e.g. ring back)":
 * a decision answering a request carries the requester's identity check, whatever the decision.
 */
final class IdentityCheckedBeforeAnswering implements Rule<ShareDecision> {

    static final String RULE_ID = "hull-3.2/requester-identity-recorded";

    @Override
    public void check(ShareDecision decision, Envelope envelope, Findings findings) {
        if (decision.getRequestId() != null && decision.getRequesterIdentityCheck() == null) {
            findings.violation("requesterIdentityCheck", RULE_ID, "This decision answers request " + decision.getRequestId()
                    + ": record how the requester's identity was confirmed, for example by ringing back (Hull 3.2).");
        }
    }
}
