package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.Receipt;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.exchange.testing.SampleRecords;

class RequiredFieldsPresentTest {

    private final RequiredFieldsPresent rule = new RequiredFieldsPresent();

    static List<SpecificRecord> samples() {
        return List.of(SampleRecords.shareRequest(), SampleRecords.consentOutcome(), SampleRecords.shareDecision(),
                SampleRecords.hazardRaised());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void complete_records_pass(SpecificRecord sample) {
        assertThat(violations(rule, sample, envelopeFrom("ANY"))).isEmpty();
    }

    @Test
    void absent_optional_fields_pass() {
        ShareDecision proactive = SampleRecords.shareDecision();
        proactive.setRequestId(null);
        proactive.setRequesterIdentityCheck(null);
        proactive.setReceiptConfirmation(null);
        proactive.setDecidedBy(null);

        assertThat(violations(rule, proactive, envelopeFrom("ANY"))).isEmpty();
    }

    @Test
    void missing_and_blank_top_level_strings_are_named() {
        ShareRequest request = SampleRecords.shareRequest();
        request.setReason(null);
        request.setInformationRequested("  ");

        assertThat(violations(rule, request, envelopeFrom("ANY")))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(
                        tuple("reason", "contract-1/required-field"),
                        tuple("informationRequested", "contract-1/required-field"));
    }

    @Test
    void the_message_quotes_the_fields_policy_so_a_practitioner_knows_what_to_record() {
        ShareRequest request = SampleRecords.shareRequest();
        request.getRecordedBy().setName("");

        assertThat(violations(rule, request, envelopeFrom("ANY"))).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("recordedBy.name");
            assertThat(violation.message()).startsWith("Fill in recordedBy.name").contains("Staffordshire 19");
        });
    }

    @Test
    void missing_enums_timestamps_and_nested_records_are_named() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setDecision(null);
        decision.put("occurredAt", null); // the setter truncates, so it cannot set null
        decision.setRecipient(null);

        assertThat(violations(rule, decision, envelopeFrom("ANY")))
                .extracting(PolicyViolation::field)
                .containsExactly("decision", "recipient", "occurredAt");
    }

    @Test
    void fields_inside_a_present_optional_record_are_required() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.getRequesterIdentityCheck().setDetail(" ");
        decision.getRequesterIdentityCheck().setOutcome(null);

        assertThat(violations(rule, decision, envelopeFrom("ANY")))
                .extracting(PolicyViolation::field)
                .containsExactly("requesterIdentityCheck.detail", "requesterIdentityCheck.outcome");
    }

    @Test
    void array_items_are_checked_by_index() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setReasons(List.of("School needs to know of the plan", " "));
        decision.getInformationShared().get(2).setCategory("");
        decision.getInformationShared().get(0).setKind(null);

        assertThat(violations(rule, decision, envelopeFrom("ANY")))
                .extracting(PolicyViolation::field)
                .containsExactly("reasons[1]", "informationShared[0].kind", "informationShared[2].category");
    }

    @Test
    void a_missing_array_is_named() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setInformationShared(null);

        assertThat(violations(rule, decision, envelopeFrom("ANY")))
                .extracting(PolicyViolation::field).containsExactly("informationShared");
    }

    @Test
    void the_walk_follows_any_schema_not_a_list_of_fields() {
        // Receipt is not an intake record; nothing in the rule names its fields, yet they are checked.
        Receipt receipt = SampleRecords.acceptedReceipt(" ");
        receipt.setStatus(null);

        assertThat(violations(rule, receipt, envelopeFrom("ANY")))
                .extracting(PolicyViolation::field).containsExactly("messageId", "status");
    }
}
