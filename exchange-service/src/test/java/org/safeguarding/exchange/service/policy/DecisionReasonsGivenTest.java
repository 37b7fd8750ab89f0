package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.ShareDecision;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class DecisionReasonsGivenTest {

    private final DecisionReasonsGiven rule = new DecisionReasonsGiven();

    @Test
    void a_decision_with_reasons_passes() {
        assertThat(violations(rule, SampleRecords.shareDecision(), envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void a_decision_without_reasons_is_refused() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setReasons(List.of());

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("reasons", "hull-3.2/decision-reasons"));
    }

    @Test
    void a_missing_list_is_left_to_the_required_field_rule() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setReasons(null);

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }
}
