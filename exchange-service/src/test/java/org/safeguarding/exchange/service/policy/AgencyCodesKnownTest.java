package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.HazardNotification;
import exchange.v1.ShareRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class AgencyCodesKnownTest {

    private final AgencyCodesKnown requestCodes =
            new AgencyCodesKnown(PolicyFixtures.KNOWN_AGENCIES, "requesterAgency", "recipientAgency");
    private final AgencyCodesKnown hazardCodes =
            new AgencyCodesKnown(PolicyFixtures.KNOWN_AGENCIES, "raisingAgency", "notifyAgencies");

    @Test
    void known_codes_pass() {
        assertThat(violations(requestCodes, SampleRecords.shareRequest(), envelopeFrom(SampleRecords.SCHOOL))).isEmpty();
        assertThat(violations(hazardCodes, SampleRecords.hazardRaised(), envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }

    @Test
    void an_unknown_code_is_refused_in_each_field_and_in_the_sender_header() {
        ShareRequest request = SampleRecords.shareRequest();
        request.setRequesterAgency("SCH-ELSEWHERE");
        request.setRecipientAgency("LA-NOWHERE");

        assertThat(violations(requestCodes, request, envelopeFrom("SCH-ELSEWHERE")))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(
                        tuple("exchange-sender", "contract-directory/known-agency"),
                        tuple("requesterAgency", "contract-directory/known-agency"),
                        tuple("recipientAgency", "contract-directory/known-agency"));
    }

    @Test
    void each_agency_to_notify_is_checked_by_index() {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setNotifyAgencies(List.of(SampleRecords.SCHOOL, "NHS-UNKNOWN"));

        assertThat(violations(hazardCodes, hazard, envelopeFrom(SampleRecords.POLICE)))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("notifyAgencies[1]");
                    assertThat(violation.message()).contains("NHS-UNKNOWN", "not in the agency directory");
                });
    }

    @Test
    void a_code_of_the_wrong_form_is_reported_once_for_its_form() {
        KnownAgencies everythingKnown = code -> true;
        AgencyCodesKnown rule = new AgencyCodesKnown(everythingKnown, "requesterAgency", "recipientAgency");
        ShareRequest request = SampleRecords.shareRequest();
        request.setRequesterAgency("sch-oakfield");
        request.setRecipientAgency("-LA-HULL");

        assertThat(violations(rule, request, envelopeFrom("X")))
                .extracting(PolicyViolation::field)
                .containsExactly("exchange-sender", "requesterAgency", "recipientAgency");
        assertThat(violations(rule, request, envelopeFrom("X")).get(1).message()).contains("is not an agency code");
    }

    @Test
    void the_longest_allowed_code_has_32_characters() {
        KnownAgencies everythingKnown = code -> true;
        AgencyCodesKnown rule = new AgencyCodesKnown(everythingKnown, "requesterAgency");
        ShareRequest request = SampleRecords.shareRequest();

        request.setRequesterAgency("A".repeat(32));
        assertThat(violations(rule, request, envelopeFrom("AB"))).isEmpty();
        request.setRequesterAgency("A".repeat(33));
        assertThat(violations(rule, request, envelopeFrom("AB"))).extracting(PolicyViolation::field)
                .containsExactly("requesterAgency");
    }

    @Test
    void blank_codes_are_left_to_the_required_field_rules() {
        ShareRequest request = SampleRecords.shareRequest();
        request.setRecipientAgency(" ");

        assertThat(violations(requestCodes, request, envelopeFrom(null))).isEmpty();
    }
}
