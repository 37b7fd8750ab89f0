package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.IdentityCheckOutcome;
import exchange.v1.ShareRequest;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class RequesterIdentityConfirmedTest {

    private final RequesterIdentityConfirmed rule = new RequesterIdentityConfirmed();

    @Test
    void a_confirmed_requester_passes() {
        assertThat(violations(rule, SampleRecords.shareRequest(), envelopeFrom(SampleRecords.SCHOOL))).isEmpty();
    }

    @Test
    void an_unconfirmed_requester_is_refused() {
        ShareRequest request = SampleRecords.shareRequest();
        request.getRequesterIdentityCheck().setOutcome(IdentityCheckOutcome.NOT_CONFIRMED);

        assertThat(violations(rule, request, envelopeFrom(SampleRecords.SCHOOL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("requesterIdentityCheck.outcome", "hull-3.3/requester-identity-confirmed"));
    }
}
