package org.safeguarding.exchange.service.deadlines.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Response times and the working-day calendar ({@code exchange.deadlines.*}), and when reminders are sent
 * ({@code exchange.reminders.*}); see DEADLINES.md.
 *
 * @param requestWorkingDays working days a recipient has to answer a share request
 * @param urgentWorkingDays  working days for a request marked urgent
 * @param bankHolidays       ISO dates that are not working days; England and Wales 2025-2027 when not set
 * @param zone               the time zone of the working day
 */
@ConfigurationProperties("exchange.deadlines")
public record DeadlineProperties(@DefaultValue("5") int requestWorkingDays, @DefaultValue("1") int urgentWorkingDays,
        List<String> bankHolidays, @DefaultValue("Europe/London") ZoneId zone) {

    public List<LocalDate> bankHolidayDates() {
        return bankHolidays == null || bankHolidays.isEmpty() ? EnglandAndWalesBankHolidays.DATES
                : bankHolidays.stream().map(String::strip).map(LocalDate::parse).toList();
    }

    /**
     * @param enabled                 false: this instance neither decides nor sends reminders (queries still answer)
     * @param interval                how often the rules run (read by the scheduler as {@code exchange.reminders.interval})
     * @param hazardReviewNoticeDays  days before a hazard's review date that its raising agency is reminded
     * @param bringUpAfter            how long without contact before a case is brought up for review
     */
    @ConfigurationProperties("exchange.reminders")
    public record Reminders(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") java.time.Duration interval,
            @DefaultValue("14") int hazardReviewNoticeDays, @DefaultValue("P6M") Period bringUpAfter) {
    }
}
