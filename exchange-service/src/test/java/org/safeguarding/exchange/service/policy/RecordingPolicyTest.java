package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;

import exchange.v1.ConsentOutcome;
import exchange.v1.ConsentStatus;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.exchange.testing.SampleRecords;

class RecordingPolicyTest {

    private final RecordingPolicy policy = new RecordingPolicy(PolicyFixtures.KNOWN_AGENCIES, PolicyFixtures.CLOCK);

    static Stream<Arguments> samplesWithTheirSenders() {
        return Stream.of(
                Arguments.of(SampleRecords.shareRequest(), SampleRecords.SCHOOL),
                Arguments.of(SampleRecords.consentOutcome(), SampleRecords.COUNCIL),
                Arguments.of(SampleRecords.shareDecision(), SampleRecords.COUNCIL),
                Arguments.of(SampleRecords.hazardRaised(), SampleRecords.POLICE));
    }

    @ParameterizedTest
    @MethodSource("samplesWithTheirSenders")
    void every_sample_record_is_accepted_without_flags(SpecificRecord sample, String sender) {
        PolicyVerdict verdict = policy.check(sample, envelopeFrom(sender));

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.flags()).isEmpty();
        assertThat(verdict.accepted()).isTrue();
    }

    @Test
    void a_message_breaking_three_rules_gets_all_three_violations() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setOutcome(" ");
        decision.setConsent(SampleRecords.withoutConsent(ConsentStatus.NOT_SOUGHT, null));
        decision.setRequesterIdentityCheck(null);

        PolicyVerdict verdict = policy.check(decision, envelopeFrom(SampleRecords.COUNCIL));

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.violations())
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactlyInAnyOrder(
                        tuple("outcome", "contract-1/required-field"),
                        tuple("consent.reasonWithoutConsent", "contract-2/reason-without-consent"),
                        tuple("requesterIdentityCheck", "hull-3.2/requester-identity-recorded"));
    }

    @Test
    void envelope_and_record_faults_are_reported_together() {
        ShareRequest request = SampleRecords.shareRequest();
        request.setRecipientAgency("LA-NOWHERE");
        Envelope envelope = new Envelope("not-a-uuid", SampleRecords.COUNCIL, "exchange.share-requests", PolicyFixtures.NOW);

        assertThat(policy.check(request, envelope).violations())
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactlyInAnyOrder(
                        tuple("exchange-message-id", "contract-5/message-id-uuid"),
                        tuple("requesterAgency", "contract-headers/sender-is-acting-agency"),
                        tuple("recipientAgency", "contract-directory/known-agency"));
    }

    @Test
    void a_missing_sender_header_is_one_violation_not_three() {
        PolicyVerdict verdict = policy.check(SampleRecords.hazardRaised(), envelopeFrom(null));

        assertThat(verdict.violations())
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("exchange-sender", "contract-headers/sender-present"));
    }

    @Test
    void a_hazard_without_approval_is_one_violation_quoting_derby() {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setApprovedBy("  ");

        assertThat(policy.check(hazard, envelopeFrom(SampleRecords.POLICE)).violations())
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("approvedBy");
                    assertThat(violation.rule()).isEqualTo("contract-1/required-field");
                    assertThat(violation.message()).contains("Derby section 4", "manager");
                });
    }

    @Test
    void a_late_entry_is_accepted_and_flagged() {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setOccurredAt(SampleRecords.RECORDED_AT.minus(Duration.ofDays(3)));

        PolicyVerdict verdict = policy.check(outcome, envelopeFrom(SampleRecords.COUNCIL));

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.flags()).containsExactly(EntryFlag.LATE_ENTRY);
    }

    @Test
    void each_record_type_gets_its_own_rules() {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setChildViews(null);
        outcome.setSubjectInformed(false);
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setNotifyAgencies(List.of(SampleRecords.POLICE));
        hazard.setLinkedChildren(List.of());

        assertThat(policy.check(outcome, envelopeFrom(SampleRecords.COUNCIL)).violations())
                .extracting(PolicyViolation::rule)
                .containsExactlyInAnyOrder("aspired-futures/child-views", "hull-3.1/reason-not-informed");
        assertThat(policy.check(hazard, envelopeFrom(SampleRecords.POLICE)).violations())
                .extracting(PolicyViolation::rule)
                .containsExactlyInAnyOrder("contract-hazard/notify-other-agencies", "derby-4/linked-child");
    }

    @Test
    void a_record_agencies_do_not_send_is_refused() {
        PolicyVerdict verdict = policy.check(SampleRecords.acceptedReceipt(PolicyFixtures.MESSAGE_ID),
                envelopeFrom(SampleRecords.SCHOOL));

        assertThat(verdict.violations())
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("type", "contract-topics/intake-record"));
    }
}
