package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.Decision;
import exchange.v1.ShareDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguarding.exchange.testing.SampleRecords;

class IdentityCheckedBeforeAnsweringTest {

    private final IdentityCheckedBeforeAnswering rule = new IdentityCheckedBeforeAnswering();

    @Test
    void an_answer_recording_the_identity_check_passes() {
        assertThat(violations(rule, SampleRecords.shareDecision(), envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void a_proactive_disclosure_has_no_requester_to_check() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setRequestId(null);
        decision.setRequesterIdentityCheck(null);

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Decision.class)
    void any_answer_without_an_identity_check_is_refused(Decision kind) {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setDecision(kind);
        decision.setRequesterIdentityCheck(null);

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL)))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("requesterIdentityCheck");
                    assertThat(violation.rule()).isEqualTo("hull-3.2/requester-identity-recorded");
                    assertThat(violation.message()).contains("REQ-0001", "ringing back");
                });
    }
}
