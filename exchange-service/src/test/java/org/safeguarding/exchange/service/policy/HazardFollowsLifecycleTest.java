package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguarding.exchange.testing.SampleRecords;

class HazardFollowsLifecycleTest {

    private final HazardFollowsLifecycle rule = new HazardFollowsLifecycle();

    private static RegisterHistory lastAction(HazardAction action) {
        return new RegisterHistory((c, at) -> List.of(), id -> id.equals("HAZ-0001") ? Optional.ofNullable(action) : Optional.empty());
    }

    private static HazardNotification hazard(HazardAction action, String corrects) {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setAction(action);
        hazard.setCorrectsMessageId(corrects);
        return hazard;
    }

    private List<PolicyViolation> check(HazardNotification hazard, RegisterHistory history) {
        Findings findings = new Findings();
        rule.check(hazard, history, findings);
        return findings.verdict().violations();
    }

    @Test
    void a_new_hazard_may_be_raised() {
        assertThat(check(hazard(HazardAction.RAISED, null), lastAction(null))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(HazardAction.class)
    void a_hazard_already_raised_is_not_raised_again_whatever_it_went_through(HazardAction last) {
        assertThat(check(hazard(HazardAction.RAISED, null), lastAction(last))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("hazardId");
            assertThat(v.rule()).isEqualTo("derby-4/hazard-lifecycle");
            assertThat(v.message()).contains("HAZ-0001", "Derby section 4");
        });
    }

    @ParameterizedTest
    @EnumSource(value = HazardAction.class, names = "RAISED", mode = EnumSource.Mode.EXCLUDE)
    void an_unknown_hazard_cannot_be_updated_reviewed_or_withdrawn(HazardAction action) {
        assertThat(check(hazard(action, null), lastAction(null))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("No hazard HAZ-0001 has been raised", action.name()));
    }

    @ParameterizedTest
    @EnumSource(value = HazardAction.class, names = "RAISED", mode = EnumSource.Mode.EXCLUDE)
    void an_active_hazard_may_be_updated_reviewed_or_withdrawn(HazardAction action) {
        assertThat(check(hazard(action, null), lastAction(HazardAction.RAISED))).isEmpty();
        assertThat(check(hazard(action, null), lastAction(HazardAction.REVIEWED))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = HazardAction.class, names = "RAISED", mode = EnumSource.Mode.EXCLUDE)
    void a_withdrawn_hazard_takes_no_further_action(HazardAction action) {
        assertThat(check(hazard(action, null), lastAction(HazardAction.WITHDRAWN))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("has been withdrawn"));
    }

    @Test
    void a_correction_of_the_raise_restates_an_active_hazard_but_not_a_withdrawn_one() {
        assertThat(check(hazard(HazardAction.RAISED, "3f2c1a9e-0000-4c1e-9a0f-2d6b8e4c7a15"), lastAction(HazardAction.UPDATED))).isEmpty();
        assertThat(check(hazard(HazardAction.RAISED, "3f2c1a9e-0000-4c1e-9a0f-2d6b8e4c7a15"), lastAction(HazardAction.WITHDRAWN)))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("has been withdrawn"));
    }

    @Test
    void a_correction_of_the_withdrawal_restates_a_withdrawn_hazard() {
        assertThat(check(hazard(HazardAction.WITHDRAWN, "3f2c1a9e-0000-4c1e-9a0f-2d6b8e4c7a15"), lastAction(HazardAction.WITHDRAWN))).isEmpty();
    }

    @Test
    void the_recording_policy_runs_it_for_hazards() {
        RecordingPolicy policy = new RecordingPolicy(PolicyFixtures.KNOWN_AGENCIES, PolicyFixtures.CLOCK);

        assertThat(policy.checkHistory(hazard(HazardAction.UPDATED, null), RegisterHistory.EMPTY).violations())
                .extracting(PolicyViolation::rule).containsExactly(HazardFollowsLifecycle.RULE_ID);
    }
}
