package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguarding.exchange.testing.SampleRecords;

class HazardReviewNotOverdueTest {

    private final HazardReviewNotOverdue rule = new HazardReviewNotOverdue(PolicyFixtures.CLOCK);

    private static HazardNotification dueOn(LocalDate reviewDue) {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setReviewDue(reviewDue);
        return hazard;
    }

    @Test
    void a_review_due_later_passes() {
        assertThat(violations(rule, SampleRecords.hazardRaised(), envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }

    @Test
    void a_review_due_today_passes() {
        assertThat(violations(rule, dueOn(LocalDate.of(2026, 3, 2)), envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }

    @Test
    void a_hazard_raised_with_its_review_already_past_is_refused() {
        assertThat(violations(rule, dueOn(LocalDate.of(2026, 3, 1)), envelopeFrom(SampleRecords.POLICE)))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("reviewDue");
                    assertThat(violation.rule()).isEqualTo("derby-4/review-due");
                    assertThat(violation.message()).contains("2026-03-01", "has already passed");
                });
    }

    @ParameterizedTest
    @EnumSource(value = HazardAction.class, names = "RAISED", mode = EnumSource.Mode.EXCLUDE)
    void only_a_newly_raised_hazard_is_held_to_its_review_date(HazardAction action) {
        HazardNotification hazard = dueOn(LocalDate.of(2026, 3, 1));
        hazard.setAction(action);

        assertThat(violations(rule, hazard, envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }

    @Test
    void today_is_the_date_in_england() {
        // 23:30 UTC on 1 June is already 2 June in London (BST), so a review due on 1 June is past.
        Clock lateEvening = Clock.fixed(Instant.parse("2026-06-01T23:30:00Z"), ZoneOffset.UTC);
        HazardReviewNotOverdue ruleAtNight = new HazardReviewNotOverdue(lateEvening);

        assertThat(violations(ruleAtNight, dueOn(LocalDate.of(2026, 6, 1)), envelopeFrom(SampleRecords.POLICE)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("reviewDue", "derby-4/review-due"));
    }
}
