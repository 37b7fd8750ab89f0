package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.ConsentOutcome;
import exchange.v1.ConsentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguarding.exchange.testing.SampleRecords;

class ConsentGiverRecordedTest {

    private final ConsentGiverRecorded rule = new ConsentGiverRecorded();

    @Test
    void consent_given_by_a_named_person_passes() {
        assertThat(violations(rule, SampleRecords.consentOutcome(), envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void no_consent_needs_no_giver() {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setConsent(SampleRecords.withoutConsent(ConsentStatus.REFUSED, "Mother refused"));

        assertThat(violations(rule, outcome, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void consent_given_by_nobody_named_is_refused(String givenBy) {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.getConsent().setGivenBy(givenBy);

        assertThat(violations(rule, outcome, envelopeFrom(SampleRecords.COUNCIL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("consent.givenBy", "hull-3.1/who-consented"));
    }
}
