package org.safeguarding.exchange.service.hazards;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.hazards.internal.CasePerson;
import org.safeguarding.exchange.service.register.EntryKey;
import org.safeguarding.exchange.testing.SampleRecords;

class HazardBatchTest {

    private static HazardState raisedHazard(long sequence) {
        return HazardState.after(null, SampleRecords.hazardRaised(), sequence);
    }

    @Test
    void a_hazard_raised_earlier_in_the_batch_is_known_to_the_actions_after_it() {
        HazardBatch batch = HazardBatch.empty();
        HazardNotification raised = SampleRecords.hazardRaised();
        assertThat(batch.known().lastAction("HAZ-0001")).isEmpty();

        batch.accepted(new EntryKey(null, "m1"), raised, raised.getCaseReference(), raised.getRaisingAgency(), raised.getNotifyAgencies());

        assertThat(batch.known().lastAction("HAZ-0001")).contains(HazardAction.RAISED);
        assertThat(batch.acceptedHazard(new EntryKey(null, "m1"))).contains(raised);
        assertThat(batch.involvements(new EntryKey(null, "m1"))).containsExactly(new CasePerson(SampleRecords.CASE_REFERENCE, "PERSON-CHILD-7"));
    }

    @Test
    void the_register_state_looked_up_is_what_the_batch_starts_from() {
        HazardBatch batch = new HazardBatch(Map.of("HAZ-0001", raisedHazard(17)), Map.of(), Map.of());

        assertThat(batch.known().lastAction("HAZ-0001")).contains(HazardAction.RAISED);
        assertThat(batch.lookedUpSequence("HAZ-0001")).isEqualTo(17L);
        assertThat(batch.lookedUpSequence("HAZ-OTHER")).isNull();
    }

    @Test
    void a_hazard_goes_to_its_notify_agencies_and_every_agency_exchanging_messages_about_a_linked_child() {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setCaseReference("CASE-ADULT");
        hazard.setNotifyAgencies(List.of("NHS-HUMBER"));
        HazardBatch batch = new HazardBatch(Map.of(), Map.of("PERSON-CHILD-7", Set.of("CASE-CHILD")),
                Map.of("CASE-CHILD", Set.of("SCH-OAKFIELD", "LA-HULL"), "CASE-ADULT", Set.of("PROB-YH", "POL-HUMBERSIDE"),
                        "CASE-UNRELATED", Set.of("CHY-ASPIRED")));

        assertThat(batch.hazardRecipients(hazard)).containsExactly("NHS-HUMBER", "LA-HULL", "PROB-YH", "SCH-OAKFIELD");
    }

    @Test
    void agencies_and_children_met_earlier_in_the_batch_widen_the_fan_out() {
        HazardBatch batch = HazardBatch.empty();
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setCaseReference("CASE-CHILD");
        batch.accepted(new EntryKey(null, "m1"), outcome, "CASE-CHILD", "LA-HULL", List.of("SCH-NEWLAND"));
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setCaseReference("CASE-ADULT");
        hazard.setNotifyAgencies(List.of());

        assertThat(batch.hazardRecipients(hazard)).containsExactly("LA-HULL", "SCH-NEWLAND");
    }

    @Test
    void the_same_message_taken_in_twice_counts_once() {
        HazardBatch batch = HazardBatch.empty();
        HazardNotification raised = SampleRecords.hazardRaised();
        batch.accepted(new EntryKey(null, "m1"), raised, raised.getCaseReference(), raised.getRaisingAgency(), List.of());
        HazardNotification withdrawn = SampleRecords.hazardRaised();
        withdrawn.setAction(HazardAction.WITHDRAWN);

        batch.accepted(new EntryKey(null, "m1"), withdrawn, withdrawn.getCaseReference(), withdrawn.getRaisingAgency(), List.of());

        assertThat(batch.known().lastAction("HAZ-0001")).contains(HazardAction.RAISED);
    }

    @Test
    void each_action_restates_the_hazard_but_who_raised_it_and_when_stay() {
        HazardState raised = raisedHazard(5);
        HazardNotification review = SampleRecords.hazardRaised();
        review.setAction(HazardAction.REVIEWED);
        review.setReviewDue(review.getReviewDue().plusMonths(6));
        review.setRaisingAgency("LA-HULL");
        review.setOccurredAt(review.getOccurredAt().plusSeconds(86_400));

        HazardState reviewed = HazardState.after(raised, review, 9);
        assertThat(reviewed.active()).isTrue();
        assertThat(reviewed.reviewDue()).isEqualTo(review.getReviewDue());
        assertThat(reviewed.raisingAgency()).isEqualTo(SampleRecords.POLICE);
        assertThat(reviewed.raisedAt()).isEqualTo(raised.raisedAt());
        assertThat(reviewed.raisedSequence()).isEqualTo(5);
        assertThat(reviewed.lastSequence()).isEqualTo(9);

        HazardNotification withdrawal = SampleRecords.hazardRaised();
        withdrawal.setAction(HazardAction.WITHDRAWN);
        assertThat(HazardState.after(reviewed, withdrawal, 12).status()).isEqualTo(HazardStatus.WITHDRAWN);
    }
}
