package org.safeguarding.exchange.service.deadlines.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ResponseDeadlinesTest {

    private final ResponseDeadlines deadlines = new ResponseDeadlines(WorkingDayCalendar.englandAndWales(), 5, 1);

    @Test
    void anUrgentRequestIsDueInTheUrgentResponseTime() {
        Instant requested = Instant.parse("2026-11-18T09:00:00Z");
        assertThat(deadlines.dueAt(requested, false)).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(deadlines.dueAt(requested, true)).isEqualTo(Instant.parse("2026-11-19T09:00:00Z"));
    }

    @Test
    void aRequestIsOverdueOnlyAfterItsDeadlineInLondonTime() {
        // Requested 16:30 GMT on the Friday before the spring change, urgent: due Monday 16:30 BST = 15:30 UTC.
        Instant requested = Instant.parse("2026-03-27T16:30:00Z");
        assertThat(deadlines.isOverdue(requested, true, Instant.parse("2026-03-30T15:30:00Z"))).isFalse();
        assertThat(deadlines.isOverdue(requested, true, Instant.parse("2026-03-30T15:30:00.001Z"))).isTrue();
        // An hour later in UTC terms (what keeping the offset would give) is already overdue.
        assertThat(deadlines.isOverdue(requested, true, Instant.parse("2026-03-30T16:00:00Z"))).isTrue();
    }

    @Test
    void theAgeOfARequestIsCountedInWorkingDays() {
        Instant requested = Instant.parse("2026-12-23T10:00:00Z");
        // Thu 24, (Fri 25, Sat, Sun, Mon 28 substitute), Tue 29, Wed 30.
        assertThat(deadlines.ageInWorkingDays(requested, Instant.parse("2026-12-30T12:00:00Z"))).isEqualTo(3);
    }

    @Test
    void responseTimesAreAtLeastOneWorkingDay() {
        assertThatThrownBy(() -> new ResponseDeadlines(WorkingDayCalendar.englandAndWales(), 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePropertiesBindWithTheirDefaultsAndAConfiguredHolidayList() {
        DeadlineProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of("exchange.deadlines.zone", "Europe/London")))
                .bind("exchange.deadlines", DeadlineProperties.class).get();
        assertThat(defaults.requestWorkingDays()).isEqualTo(5);
        assertThat(defaults.urgentWorkingDays()).isEqualTo(1);
        assertThat(defaults.bankHolidayDates()).isEqualTo(EnglandAndWalesBankHolidays.DATES);

        DeadlineProperties configured = new Binder(new MapConfigurationPropertySource(Map.of(
                "exchange.deadlines.request-working-days", "10",
                "exchange.deadlines.urgent-working-days", "2",
                "exchange.deadlines.bank-holidays", "2028-01-03, 2028-04-14")))
                .bind("exchange.deadlines", DeadlineProperties.class).get();
        assertThat(configured.requestWorkingDays()).isEqualTo(10);
        assertThat(configured.urgentWorkingDays()).isEqualTo(2);
        assertThat(configured.bankHolidayDates()).containsExactly(LocalDate.of(2028, 1, 3), LocalDate.of(2028, 4, 14));
        assertThat(List.of(configured.zone().getId())).containsExactly("Europe/London");
    }

    @Test
    void theRequestsReadForOverdueRemindersIncludeEveryOverdueRequestAcrossClockChanges() {
        // Requests every hour for two years (both clock changes, weekends, bank holidays), each checked every hour of
        // the week after its deadline comes near: an overdue request is never left out of the read.
        Instant first = Instant.parse("2025-01-01T00:00:00Z");
        int checked = 0;
        for (int hour = 0; hour < 2 * 365 * 24; hour++) {
            Instant requestedAt = first.plus(java.time.Duration.ofHours(hour));
            for (boolean urgent : new boolean[] {true, false}) {
                Instant dueAt = deadlines.dueAt(requestedAt, urgent);
                for (int later = -1; later < 3; later++) {
                    Instant now = dueAt.plus(java.time.Duration.ofHours(later)).plusSeconds(1);
                    if (deadlines.isOverdue(requestedAt, urgent, now)) {
                        checked++;
                        assertThat(requestedAt).as("requested %s, urgent %s, now %s", requestedAt, urgent, now)
                                .isBefore(deadlines.overdueOnlyIfRequestedBefore(now));
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50_000);
    }
}
