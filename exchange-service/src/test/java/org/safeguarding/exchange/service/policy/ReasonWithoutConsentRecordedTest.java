package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.ConsentStatus;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguarding.exchange.testing.SampleRecords;

class ReasonWithoutConsentRecordedTest {

    private final ReasonWithoutConsentRecorded rule = new ReasonWithoutConsentRecorded();

    @Test
    void consent_given_needs_no_reason() {
        assertThat(violations(rule, SampleRecords.shareRequest(), envelopeFrom(SampleRecords.SCHOOL))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ConsentStatus.class, names = "GIVEN", mode = EnumSource.Mode.EXCLUDE)
    void without_consent_a_recorded_reason_passes(ConsentStatus status) {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setConsent(SampleRecords.withoutConsent(status, "Seeking consent would place the child at risk of harm"));

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ConsentStatus.class, names = "GIVEN", mode = EnumSource.Mode.EXCLUDE)
    void without_consent_a_missing_reason_is_refused(ConsentStatus status) {
        ShareRequest request = SampleRecords.shareRequest();
        request.setConsent(SampleRecords.withoutConsent(status, null));

        assertThat(violations(rule, request, envelopeFrom(SampleRecords.SCHOOL)))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("consent.reasonWithoutConsent");
                    assertThat(violation.rule()).isEqualTo("contract-2/reason-without-consent");
                    assertThat(violation.message()).contains(status.name(), "record why");
                });
    }

    @Test
    void without_consent_a_blank_reason_is_refused() {
        ShareRequest request = SampleRecords.shareRequest();
        request.setConsent(SampleRecords.withoutConsent(ConsentStatus.REFUSED, "  "));

        assertThat(violations(rule, request, envelopeFrom(SampleRecords.SCHOOL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("consent.reasonWithoutConsent", "contract-2/reason-without-consent"));
    }
}
