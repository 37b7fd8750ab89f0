package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.ConsentOutcome;
import exchange.v1.ShareDecision;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class ReasonNotInformedRecordedTest {

    private final ReasonNotInformedRecorded rule = new ReasonNotInformedRecorded();

    @Test
    void an_informed_subject_needs_no_reason() {
        assertThat(violations(rule, SampleRecords.shareDecision(), envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void not_informed_with_a_reason_passes() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setSubjectInformed(false);
        decision.setReasonNotInformed("Informing the father would place the child at risk");

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void not_informed_without_a_reason_is_refused_on_a_decision() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setSubjectInformed(false);

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("reasonNotInformed", "hull-3.1/reason-not-informed"));
    }

    @Test
    void not_informed_with_a_blank_reason_is_refused_on_a_consent_outcome() {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setSubjectInformed(false);
        outcome.setReasonNotInformed(" ");

        assertThat(violations(rule, outcome, envelopeFrom(SampleRecords.COUNCIL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("reasonNotInformed", "hull-3.1/reason-not-informed"));
    }
}
