package org.safeguarding.exchange.service.consent;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ConsentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.policy.ConsentPosition;

class ConsentPositionsTest {

    private static final String CASE = "CASE-1";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static ConsentEntry entry(String id, String person, ConsentStatus status, int hoursAfter, String corrects) {
        return new ConsentEntry(id, null, CASE, person, status, status == ConsentStatus.GIVEN ? "Sam Carter, mother" : null,
                status == ConsentStatus.GIVEN ? "Not the father's family" : null, T0.plusSeconds(3600L * hoursAfter), "LA-HULL", corrects);
    }

    private static List<String> statuses(List<ConsentPosition> positions) {
        return positions.stream().map(p -> p.personReference() + "=" + p.status()).toList();
    }

    @Test
    void the_outcome_that_occurred_last_decides_whatever_order_they_were_recorded_in() {
        ConsentPositions positions = new ConsentPositions(List.of(
                entry("m1", "AMY", ConsentStatus.WITHDRAWN, 5, null),
                entry("m2", "AMY", ConsentStatus.GIVEN, 1, null)));

        assertThat(statuses(positions.current(CASE))).containsExactly("AMY=WITHDRAWN");
    }

    @Test
    void consent_given_again_after_a_withdrawal_stands_with_its_limits_and_date() {
        ConsentPositions positions = new ConsentPositions(List.of(
                entry("m1", "AMY", ConsentStatus.GIVEN, 1, null),
                entry("m2", "AMY", ConsentStatus.WITHDRAWN, 2, null),
                entry("m3", "AMY", ConsentStatus.GIVEN, 3, null)));

        assertThat(positions.current(CASE)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(ConsentStatus.GIVEN);
            assertThat(p.limits()).isEqualTo("Not the father's family");
            assertThat(p.occurredAt()).isEqualTo(T0.plusSeconds(3 * 3600));
            assertThat(p.messageId()).isEqualTo("m3");
        });
    }

    @Test
    void each_person_has_their_own_position() {
        ConsentPositions positions = new ConsentPositions(List.of(
                entry("m1", "MOTHER", ConsentStatus.GIVEN, 3, null),
                entry("m2", "AMY", ConsentStatus.REFUSED, 1, null)));

        assertThat(statuses(positions.current(CASE))).containsExactlyInAnyOrder("MOTHER=GIVEN", "AMY=REFUSED");
    }

    @Test
    void a_correction_replaces_the_entry_it_corrects() {
        ConsentPositions positions = new ConsentPositions(List.of(
                entry("m1", "AMY", ConsentStatus.GIVEN, 1, null),
                entry("m2", "AMY", ConsentStatus.WITHDRAWN, 2, null),
                entry("m3", "AMY", ConsentStatus.GIVEN, 2, "m2")));

        assertThat(positions.current(CASE)).singleElement().satisfies(p -> assertThat(p.messageId()).isEqualTo("m3"));
        assertThat(positions.corrected(CASE)).containsExactly("m2");
        assertThat(positions.history(CASE)).extracting(ConsentEntry::messageId).containsExactly("m1", "m2", "m3");
    }

    @Test
    void a_correction_that_moves_the_date_earlier_still_replaces_the_later_entry() {
        ConsentPositions positions = new ConsentPositions(List.of(
                entry("m1", "AMY", ConsentStatus.GIVEN, 1, null),
                entry("m2", "AMY", ConsentStatus.WITHDRAWN, 5, null),
                entry("m3", "AMY", ConsentStatus.REFUSED, 0, "m2")));

        assertThat(statuses(positions.current(CASE))).containsExactly("AMY=GIVEN");
    }

    @Test
    void the_position_at_a_moment_ignores_what_happened_after_it() {
        ConsentPositions positions = new ConsentPositions(List.of(
                entry("m1", "AMY", ConsentStatus.GIVEN, 1, null),
                entry("m2", "AMY", ConsentStatus.WITHDRAWN, 5, null)));

        assertThat(statuses(positions.positionsAt(CASE, T0.plusSeconds(2 * 3600)))).containsExactly("AMY=GIVEN");
        assertThat(positions.positionsAt(CASE, T0)).isEmpty();
    }

    @Test
    void the_same_message_added_twice_counts_once_and_other_cases_are_apart() {
        ConsentPositions positions = new ConsentPositions(List.of(entry("m1", "AMY", ConsentStatus.GIVEN, 1, null)));
        positions.add(entry("m1", "AMY", ConsentStatus.GIVEN, 1, null));

        assertThat(positions.history(CASE)).hasSize(1);
        assertThat(positions.current("CASE-OTHER")).isEmpty();
    }

    @Test
    void two_agencies_may_use_the_same_message_id_and_a_correction_replaces_only_its_own_agencys_outcome() {
        ConsentPositions positions = new ConsentPositions(List.of(
                entry("m1", "AMY", ConsentStatus.GIVEN, 1, null),
                new ConsentEntry("m1", null, CASE, "SAM", ConsentStatus.REFUSED, null, null, T0.plusSeconds(3600), "NHS-HUMBER", null),
                new ConsentEntry("m2", null, CASE, "AMY", ConsentStatus.REFUSED, null, null, T0.plusSeconds(7200), "NHS-HUMBER", "m1")));

        assertThat(positions.history(CASE)).hasSize(3);
        // The health service's correction names its own m1 (SAM's), not the council's m1 (AMY's).
        assertThat(statuses(positions.current(CASE))).containsExactlyInAnyOrder("AMY=REFUSED");
        assertThat(positions.history(CASE)).filteredOn(positions::isCorrected).extracting(ConsentEntry::agency)
                .containsExactly("NHS-HUMBER");
    }

    @Test
    void an_outcome_naming_no_person_stands_for_the_case_as_a_whole() {
        ConsentPositions positions = new ConsentPositions(List.of(
                entry("m1", null, ConsentStatus.GIVEN, 1, null),
                entry("m2", null, ConsentStatus.REFUSED, 2, null)));

        assertThat(statuses(positions.current(CASE))).containsExactly("null=REFUSED");
    }
}
