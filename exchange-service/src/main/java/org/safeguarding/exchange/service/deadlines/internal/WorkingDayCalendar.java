package org.safeguarding.exchange.service.deadlines.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in one time zone: Monday to Friday except the listed bank holidays. Deadlines keep the wall-clock time
 * of the moment they count from, so a request made at 16:30 is due at 16:30 on the due day whether or not the clocks
 * changed in between. Plain Java: the rules are tested with fixed dates, no framework.
 */
public final class WorkingDayCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ZoneId zone;
    private final Set<LocalDate> bankHolidays;

    public WorkingDayCalendar(ZoneId zone, Collection<LocalDate> bankHolidays) {
        this.zone = zone;
        this.bankHolidays = Set.copyOf(new TreeSet<>(bankHolidays));
    }

    /** England and Wales, with the bank holidays announced for 2025-2027 (substitute days included). */
    public static WorkingDayCalendar englandAndWales() {
        return new WorkingDayCalendar(LONDON, EnglandAndWalesBankHolidays.DATES);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !bankHolidays.contains(day);
    }

    /** The n-th working day after {@code day} (the day itself does not count, whether or not it is a working day). */
    public LocalDate addWorkingDays(LocalDate day, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < workingDays) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /**
     * The moment n working days after {@code start}, at the same local time of day. The local time is carried over,
     * not the UTC offset: across the spring change 16:30 GMT becomes 16:30 BST (an hour less in UTC), across the
     * autumn change the reverse. A local time that does not exist on the due day (only in the spring gap, on a
     * Sunday, never a working day) would move forward by the length of the gap.
     */
    public Instant addWorkingDays(Instant start, int workingDays) {
        ZonedDateTime local = start.atZone(zone);
        LocalDate due = addWorkingDays(local.toLocalDate(), workingDays);
        return ZonedDateTime.of(due, local.toLocalTime(), zone).toInstant();
    }

    /** Working days after the date of {@code from} up to and including the date of {@code to}; 0 when to is not later. */
    public int workingDaysBetween(Instant from, Instant to) {
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        int count = 0;
        for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /** The first moment of a local date in this zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
