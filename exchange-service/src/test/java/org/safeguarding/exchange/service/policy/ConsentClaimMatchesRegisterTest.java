package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ConsentStatus;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguarding.exchange.testing.SampleRecords;

class ConsentClaimMatchesRegisterTest {

    private static final String CASE = SampleRecords.CASE_REFERENCE;
    private static final Instant SHARED_AT = SampleRecords.OCCURRED_AT;

    private final ConsentClaimMatchesRegister rule = new ConsentClaimMatchesRegister();

    /** A register whose only consent position in the case is the given one, whenever asked. */
    private static RegisterHistory standing(ConsentStatus status, Instant occurredAt) {
        ConsentPosition position = new ConsentPosition(CASE, "PERSON-CHILD-7", status, null, null, occurredAt,
                SampleRecords.COUNCIL, "msg-1");
        return new RegisterHistory((caseReference, at) -> caseReference.equals(CASE) && !occurredAt.isAfter(at)
                ? List.of(position) : List.of(), id -> Optional.empty());
    }

    private static List<PolicyViolation> check(ConsentClaimMatchesRegister rule, SpecificRecord message, RegisterHistory history) {
        Findings findings = new Findings();
        rule.check(message, history, findings);
        return new ArrayList<>(findings.verdict().violations());
    }

    @ParameterizedTest
    @EnumSource(value = ConsentStatus.class, names = {"REFUSED", "WITHDRAWN"})
    void a_decision_claiming_consent_while_it_stands_refused_or_withdrawn_is_refused(ConsentStatus status) {
        ShareDecision decision = SampleRecords.shareDecision();

        assertThat(check(rule, decision, standing(status, SHARED_AT.minus(Duration.ofDays(1))))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("consent.status");
            assertThat(v.rule()).isEqualTo("staffordshire-33/consent-position");
            assertThat(v.message()).contains(status.name().toLowerCase(), "PERSON-CHILD-7", "Staffordshire 33-34", "Hull 3.1");
        });
    }

    @Test
    void a_request_claiming_consent_while_it_stands_withdrawn_is_refused() {
        ShareRequest request = SampleRecords.shareRequest();

        assertThat(check(rule, request, standing(ConsentStatus.WITHDRAWN, SHARED_AT.minusSeconds(60))))
                .extracting(PolicyViolation::rule).containsExactly(ConsentClaimMatchesRegister.RULE_ID);
    }

    @Test
    void consent_given_in_the_register_lets_the_claim_through() {
        assertThat(check(rule, SampleRecords.shareDecision(), standing(ConsentStatus.GIVEN, SHARED_AT.minusSeconds(60)))).isEmpty();
    }

    @Test
    void a_withdrawal_after_the_sharing_happened_does_not_refuse_a_late_record_of_it() {
        assertThat(check(rule, SampleRecords.shareDecision(), standing(ConsentStatus.WITHDRAWN, SHARED_AT.plusSeconds(60)))).isEmpty();
    }

    @Test
    void a_case_with_no_consent_recorded_is_not_judged() {
        assertThat(check(rule, SampleRecords.shareDecision(), RegisterHistory.EMPTY)).isEmpty();
    }

    @Test
    void sharing_without_consent_is_left_to_the_reason_without_consent_rule() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setConsent(SampleRecords.withoutConsent(ConsentStatus.NOT_SOUGHT, "Would place the child at risk"));

        assertThat(check(rule, decision, standing(ConsentStatus.WITHDRAWN, SHARED_AT.minusSeconds(60)))).isEmpty();
    }

    @Test
    void the_recording_policy_runs_it_for_requests_and_decisions_only_against_history() {
        RecordingPolicy policy = new RecordingPolicy(PolicyFixtures.KNOWN_AGENCIES, PolicyFixtures.CLOCK);
        RegisterHistory withdrawn = standing(ConsentStatus.WITHDRAWN, SHARED_AT.minusSeconds(60));

        assertThat(policy.checkHistory(SampleRecords.shareDecision(), withdrawn).violations())
                .extracting(PolicyViolation::rule).containsExactly(ConsentClaimMatchesRegister.RULE_ID);
        assertThat(policy.checkHistory(SampleRecords.consentOutcome(), withdrawn).accepted()).isTrue();
    }
}
