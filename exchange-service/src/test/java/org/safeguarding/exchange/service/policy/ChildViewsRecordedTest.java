package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.ConsentOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguarding.exchange.testing.SampleRecords;

class ChildViewsRecordedTest {

    private final ChildViewsRecorded rule = new ChildViewsRecorded();

    @Test
    void a_child_of_twelve_or_over_whose_views_are_recorded_passes() {
        assertThat(violations(rule, SampleRecords.consentOutcome(), envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void a_younger_child_needs_no_recorded_views(int age) {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setChildAge(age);
        outcome.setChildViews(null);

        assertThat(violations(rule, outcome, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void no_age_given_needs_no_views() {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setChildAge(null);
        outcome.setChildViews(null);

        assertThat(violations(rule, outcome, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 17, 25})
    void a_child_of_twelve_or_over_without_views_is_refused(int age) {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setChildAge(age);
        outcome.setChildViews(" ");

        assertThat(violations(rule, outcome, envelopeFrom(SampleRecords.COUNCIL)))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("childViews");
                    assertThat(violation.rule()).isEqualTo("aspired-futures/child-views");
                    assertThat(violation.message()).contains("record the child's views");
                });
    }

    @Test
    void an_impossible_age_is_left_to_the_age_rule() {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setChildAge(130);
        outcome.setChildViews(null);

        assertThat(violations(rule, outcome, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }
}
