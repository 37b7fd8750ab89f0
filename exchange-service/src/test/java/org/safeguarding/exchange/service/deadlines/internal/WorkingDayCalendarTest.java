package org.safeguarding.exchange.service.deadlines.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.LONDON).toInstant();
    }

    private static ZonedDateTime inLondon(Instant instant) {
        return instant.atZone(WorkingDayCalendar.LONDON);
    }

    @Test
    void aFridayRequestDueInOneWorkingDayIsDueOnMonday() {
        assertThat(calendar.addWorkingDays(london("2026-11-20T10:00"), 1)).isEqualTo(london("2026-11-23T10:00"));
    }

    @Test
    void fiveWorkingDaysFromAWednesdaySkipTheWeekend() {
        assertThat(calendar.addWorkingDays(london("2026-11-18T09:00"), 5)).isEqualTo(london("2026-11-25T09:00"));
    }

    @Test
    void aRequestMadeOnASaturdayCountsFromMonday() {
        assertThat(calendar.addWorkingDays(london("2026-11-21T11:00"), 1)).isEqualTo(london("2026-11-23T11:00"));
    }

    @Test
    void boxingDayOnASaturdayMakesMondayTheSubstituteHoliday() {
        // 2026: Christmas Friday 25, weekend 26-27, substitute bank holiday Monday 28.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
        assertThat(calendar.addWorkingDays(london("2026-12-24T16:30"), 1)).isEqualTo(london("2026-12-29T16:30"));
    }

    @Test
    void christmasAndBoxingDayOnAWeekendMakeMondayAndTuesdaySubstitutes() {
        // 2027: Christmas Saturday 25, Boxing Day Sunday 26, substitutes Monday 27 and Tuesday 28.
        assertThat(calendar.addWorkingDays(london("2027-12-24T12:00"), 1)).isEqualTo(london("2027-12-29T12:00"));
        assertThat(calendar.addWorkingDays(london("2027-12-23T12:00"), 2)).isEqualTo(london("2027-12-29T12:00"));
    }

    @Test
    void christmasOnWeekdaysIsSkippedWithoutSubstitutes() {
        // 2025: Christmas Thursday, Boxing Day Friday.
        assertThat(calendar.addWorkingDays(london("2025-12-24T09:30"), 1)).isEqualTo(london("2025-12-29T09:30"));
        assertThat(calendar.addWorkingDays(london("2025-12-31T09:30"), 1)).isEqualTo(london("2026-01-02T09:30"));
    }

    @Test
    void theClockTimeIsKeptAcrossTheSpringChange() {
        // Friday before the last Sunday of March 2026: 16:30 GMT is 16:30 UTC; Monday 16:30 BST is 15:30 UTC.
        Instant requested = london("2026-03-27T16:30");
        assertThat(requested).isEqualTo(Instant.parse("2026-03-27T16:30:00Z"));
        Instant due = calendar.addWorkingDays(requested, 1);
        assertThat(inLondon(due).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-30T16:30"));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T15:30:00Z"));
    }

    @Test
    void theClockTimeIsKeptAcrossTheAutumnChange() {
        // Friday before the last Sunday of October 2026: 16:30 BST is 15:30 UTC; Monday 16:30 GMT is 16:30 UTC.
        Instant requested = london("2026-10-23T16:30");
        assertThat(requested).isEqualTo(Instant.parse("2026-10-23T15:30:00Z"));
        Instant due = calendar.addWorkingDays(requested, 1);
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T16:30:00Z"));
        assertThat(inLondon(due).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-26T16:30"));
    }

    @Test
    void theSpringChangeAndEasterTogether() {
        // Mon 30, Tue 31 March, Wed 1, Thu 2 April; Good Friday 3 and Easter Monday 6 April are holidays; Tue 7 April.
        assertThat(calendar.addWorkingDays(Instant.parse("2026-03-27T16:30:00Z"), 5)).isEqualTo(Instant.parse("2026-04-07T15:30:00Z"));
    }

    @Test
    void workingDaysBetweenCountTheDaysAfterTheFirstUpToTheLast() {
        assertThat(calendar.workingDaysBetween(london("2026-12-24T16:30"), london("2026-12-31T08:00"))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(london("2026-11-20T10:00"), london("2026-11-20T17:00"))).isZero();
        assertThat(calendar.workingDaysBetween(london("2026-11-20T10:00"), london("2026-11-19T17:00"))).isZero();
    }

    @Test
    void theDayIsTheLondonDateNotTheUtcDate() {
        // 23:30 UTC on Friday 23 October 2026 is already Saturday 00:30 in London.
        Instant lateFriday = Instant.parse("2026-10-23T23:30:00Z");
        assertThat(calendar.today(lateFriday)).isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(calendar.addWorkingDays(lateFriday, 1)).isEqualTo(london("2026-10-26T00:30"));
    }

    @Test
    void configuredBankHolidaysReplaceTheDefault() {
        WorkingDayCalendar custom = new WorkingDayCalendar(WorkingDayCalendar.LONDON, List.of(LocalDate.of(2026, 11, 23)));
        assertThat(custom.addWorkingDays(london("2026-11-20T10:00"), 1)).isEqualTo(london("2026-11-24T10:00"));
        assertThat(custom.isWorkingDay(LocalDate.of(2026, 12, 25))).isTrue();
    }
}
