package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.HazardNotification;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class SenderIsSendingAgencyTest {

    @Test
    void the_acting_agency_sending_passes() {
        assertThat(violations(new SenderIsSendingAgency("requesterAgency"), SampleRecords.shareRequest(),
                envelopeFrom(SampleRecords.SCHOOL))).isEmpty();
        assertThat(violations(new SenderIsSendingAgency("agency"), SampleRecords.consentOutcome(),
                envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
        assertThat(violations(new SenderIsSendingAgency("decidingAgency"), SampleRecords.shareDecision(),
                envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
        assertThat(violations(new SenderIsSendingAgency("raisingAgency"), SampleRecords.hazardRaised(),
                envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }

    @Test
    void an_agency_speaking_for_another_is_refused() {
        assertThat(violations(new SenderIsSendingAgency("requesterAgency"), SampleRecords.shareRequest(),
                envelopeFrom(SampleRecords.COUNCIL)))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("requesterAgency");
                    assertThat(violation.rule()).isEqualTo("contract-headers/sender-is-acting-agency");
                    assertThat(violation.message()).contains(SampleRecords.SCHOOL, SampleRecords.COUNCIL);
                });
    }

    @Test
    void a_missing_header_or_agency_is_left_to_the_rules_that_report_it() {
        HazardNotification hazard = SampleRecords.hazardRaised();
        SenderIsSendingAgency rule = new SenderIsSendingAgency("raisingAgency");

        assertThat(violations(rule, hazard, envelopeFrom(null))).isEmpty();
        hazard.setRaisingAgency(" ");
        assertThat(violations(rule, hazard, envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }
}
