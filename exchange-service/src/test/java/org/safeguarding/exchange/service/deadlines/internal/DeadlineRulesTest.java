package org.safeguarding.exchange.service.deadlines.internal;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ReminderKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.deadlines.HazardReview;
import org.safeguarding.exchange.service.deadlines.RequestDeadline;

class DeadlineRulesTest {

    private final DeadlineRules rules = new DeadlineRules(new ResponseDeadlines(WorkingDayCalendar.englandAndWales(), 5, 1), 14,
            Period.ofMonths(6));

    private static final ActiveHazard HAZARD = new ActiveHazard("HAZ-1", "CASE-1", "POL-HUMBERSIDE", LocalDate.of(2026, 9, 1));

    @Test
    void aHazardIsDueForReviewFromTheNoticeDayInLondon() {
        // 18 August is 14 days before 1 September; 23:30 UTC on 17 August is already 00:30 on 18 August in BST.
        assertThat(rules.reviewOf(HAZARD, Instant.parse("2026-08-17T22:30:00Z"))).isEmpty();
        assertThat(rules.reviewOf(HAZARD, Instant.parse("2026-08-17T23:30:00Z")))
                .hasValueSatisfying(review -> assertThat(review.status()).isEqualTo(HazardReview.Status.DUE));
    }

    @Test
    void aHazardIsOverdueForReviewOnceItsReviewDateHasPassed() {
        assertThat(rules.reviewOf(HAZARD, Instant.parse("2026-09-01T22:59:00Z")))
                .hasValueSatisfying(review -> assertThat(review.status()).isEqualTo(HazardReview.Status.DUE));
        assertThat(rules.reviewOf(HAZARD, Instant.parse("2026-09-01T23:00:00Z")))
                .hasValueSatisfying(review -> assertThat(review.status()).isEqualTo(HazardReview.Status.OVERDUE));
    }

    @Test
    void aCaseWithNoContactForSixMonthsIsBroughtUp() {
        CaseContact contact = new CaseContact("CASE-2", Instant.parse("2026-05-20T10:00:00Z"), "CHY-ASPIRED", null);
        assertThat(rules.bringUpOf(contact, Instant.parse("2026-11-19T23:59:59Z"))).isEmpty();
        assertThat(rules.bringUpOf(contact, Instant.parse("2026-11-20T00:00:00Z")))
                .hasValueSatisfying(bringUp -> assertThat(bringUp.dueDate()).isEqualTo(LocalDate.of(2026, 11, 20)));
    }

    @Test
    void theSixMonthsRunFromTheLondonDateOfTheLastContact() {
        // 23:30 UTC on 30 April is 00:30 on 1 May in BST: due 1 November, not 30 October.
        CaseContact contact = new CaseContact("CASE-3", Instant.parse("2026-04-30T23:30:00Z"), "CHY-ASPIRED", null);
        assertThat(rules.bringUpOf(contact, Instant.parse("2026-10-31T12:00:00Z"))).isEmpty();
        assertThat(rules.bringUpOf(contact, Instant.parse("2026-11-01T00:00:00Z"))).isPresent();
    }

    @Test
    void aBringUpDecisionRestartsTheSixMonths() {
        CaseContact decided = new CaseContact("CASE-2", Instant.parse("2026-05-20T10:00:00Z"), "CHY-ASPIRED",
                Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(rules.bringUpOf(decided, Instant.parse("2026-11-22T09:00:00Z"))).isEmpty();
        assertThat(rules.bringUpOf(decided, Instant.parse("2027-05-21T09:00:00Z"))).isPresent();
    }

    @Test
    void theCasesReadForBringUpIncludeEveryCaseDueIncludingAtMonthEnds() {
        // Every last contact across two years at three times of day (month ends, both clock changes), against every
        // day of the following year: a case the rule brings up is never left out of the read.
        Instant firstContact = Instant.parse("2025-01-01T00:30:00Z");
        int checked = 0;
        for (int day = 0; day < 730; day++) {
            for (int hour : new int[] {0, 11, 23}) {
                Instant contactAt = firstContact.plus(java.time.Duration.ofDays(day)).plus(java.time.Duration.ofHours(hour));
                CaseContact contact = new CaseContact("CASE-4", contactAt, "CHY-ASPIRED", null);
                for (int later = 150; later < 220; later++) {
                    Instant now = contactAt.plus(java.time.Duration.ofDays(later));
                    if (rules.bringUpOf(contact, now).isPresent()) {
                        checked++;
                        assertThat(contactAt).as("contact %s, now %s", contactAt, now).isBefore(rules.bringUpQuietSince(now));
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void theHazardsReadForReviewAreExactlyThoseDueOrOverdue() {
        Instant now = Instant.parse("2026-08-17T23:30:00Z");
        for (int days = -30; days < 60; days++) {
            ActiveHazard hazard = new ActiveHazard("HAZ-2", "CASE-1", "POL-HUMBERSIDE", LocalDate.of(2026, 8, 18).plusDays(days));
            assertThat(rules.reviewOf(hazard, now).isPresent()).as("review due %s", hazard.reviewDue())
                    .isEqualTo(!hazard.reviewDue().isAfter(rules.reviewDueBy(now)));
        }
    }

    @Test
    void theRemindersDueGoToTheAgencyThatOwesTheAnswerOrTheReview() {
        OpenRequest overdue = new OpenRequest("REQ-1", "CASE-1", "SCH-OAKFIELD", "LA-HULL", Instant.parse("2026-03-27T16:30:00Z"), true);
        OpenRequest inTime = new OpenRequest("REQ-2", "CASE-1", "SCH-OAKFIELD", "LA-HULL", Instant.parse("2026-03-27T16:30:00Z"), false);
        CaseContact quiet = new CaseContact("CASE-9", Instant.parse("2025-09-01T10:00:00Z"), "CHY-ASPIRED", null);
        Instant now = Instant.parse("2026-03-30T15:31:00Z");

        List<PlannedReminder> due = rules.remindersDue(List.of(overdue, inTime),
                List.of(new ActiveHazard("HAZ-1", "CASE-1", "POL-HUMBERSIDE", LocalDate.of(2026, 4, 10))), List.of(quiet), now);

        assertThat(due).extracting(PlannedReminder::kind)
                .containsExactly(ReminderKind.REQUEST_OVERDUE, ReminderKind.HAZARD_REVIEW_DUE, ReminderKind.CASE_BRING_UP);
        PlannedReminder request = due.get(0);
        assertThat(request.agency()).isEqualTo("LA-HULL");
        assertThat(request.subjectReference()).isEqualTo("REQ-1");
        assertThat(request.subjectKey()).isEqualTo("SCH-OAKFIELD/REQ-1");
        assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-03-30T15:30:00Z"));
        assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(request.message()).contains("REQ-1", "Monday 30 March 2026 at 16:30");
        assertThat(due.get(1).agency()).isEqualTo("POL-HUMBERSIDE");
        assertThat(due.get(1).dueDate()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(due.get(2).agency()).isEqualTo("CHY-ASPIRED");
        assertThat(due.get(2).subjectReference()).isEqualTo("CASE-9");
        assertThat(due.get(2).dueDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void theAgeAndDeadlineOfAnOpenRequestCrossTheAutumnChange() {
        OpenRequest request = new OpenRequest("REQ-3", "CASE-1", "SCH-OAKFIELD", "LA-HULL", Instant.parse("2026-10-23T15:30:00Z"), false);
        RequestDeadline deadline = rules.deadlineOf(request, Instant.parse("2026-10-30T17:00:00Z"));
        // Mon 26 .. Fri 30 October: due Friday 30 October 16:30 GMT.
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-10-30T16:30:00Z"));
        assertThat(deadline.ageInWorkingDays()).isEqualTo(5);
        assertThat(deadline.overdue()).isTrue();
    }
}
