package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.Decision;
import exchange.v1.IdentityCheckOutcome;
import exchange.v1.ShareDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguarding.exchange.testing.SampleRecords;

class IdentityConfirmedBeforeSharingTest {

    private final IdentityConfirmedBeforeSharing rule = new IdentityConfirmedBeforeSharing();

    private static ShareDecision unconfirmed(Decision kind) {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setDecision(kind);
        decision.getRequesterIdentityCheck().setOutcome(IdentityCheckOutcome.NOT_CONFIRMED);
        return decision;
    }

    @Test
    void sharing_with_a_confirmed_requester_passes() {
        assertThat(violations(rule, SampleRecords.shareDecision(), envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void declining_an_unconfirmed_requester_passes() {
        assertThat(violations(rule, unconfirmed(Decision.DECLINE), envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void a_proactive_share_has_no_requester_to_confirm() {
        ShareDecision decision = unconfirmed(Decision.SHARE);
        decision.setRequestId(null);

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void a_missing_check_is_left_to_the_rule_that_requires_one() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setRequesterIdentityCheck(null);

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Decision.class, names = {"SHARE", "SHARE_PARTIAL"})
    void sharing_with_an_unconfirmed_requester_is_refused(Decision kind) {
        assertThat(violations(rule, unconfirmed(kind), envelopeFrom(SampleRecords.COUNCIL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("requesterIdentityCheck.outcome", "hull-3.2/requester-identity-confirmed"));
    }
}
