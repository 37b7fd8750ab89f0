package org.safeguarding.exchange.service.policy;

import exchange.v1.IdentityCheckOutcome;
import exchange.v1.ShareRequest;

/**
 * Hull 3.3: the requester records "how your identity was confirmed (e.g. ring back)"; a request whose requester
 * could not be confirmed is not sent on to the agency asked.
 */
final class RequesterIdentityConfirmed implements Rule<ShareRequest> {

    static final String RULE_ID = "hull-3.3/requester-identity-confirmed";

    @Override
    public void check(ShareRequest request, Envelope envelope, Findings findings) {
        var identityCheck = request.getRequesterIdentityCheck();
        if (identityCheck != null && identityCheck.getOutcome() == IdentityCheckOutcome.NOT_CONFIRMED) {
            findings.violation("requesterIdentityCheck.outcome", RULE_ID,
                    "The requester's identity was not confirmed: confirm it, for example by ringing back, before sending the request (Hull 3.3).");
        }
    }
}
