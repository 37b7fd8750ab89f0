package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.ConsentOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguarding.exchange.testing.SampleRecords;

class ChildAgeInRangeTest {

    private final ChildAgeInRange rule = new ChildAgeInRange();

    @ParameterizedTest
    @NullSource
    @ValueSource(ints = {0, 13, 25})
    void an_age_from_0_to_25_or_none_passes(Integer age) {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setChildAge(age);

        assertThat(violations(rule, outcome, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 26, 130})
    void an_impossible_age_is_refused(int age) {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setChildAge(age);

        assertThat(violations(rule, outcome, envelopeFrom(SampleRecords.COUNCIL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("childAge", "aspired-futures/child-age-range"));
    }
}
