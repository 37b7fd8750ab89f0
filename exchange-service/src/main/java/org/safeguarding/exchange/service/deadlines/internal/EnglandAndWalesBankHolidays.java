package org.safeguarding.exchange.service.deadlines.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * Bank holidays in England and Wales as published by GOV.UK for 2025-2027. Where Christmas Day or Boxing Day falls on
 * a weekend the substitute weekday is the bank holiday (28 December 2026; 27 and 28 December 2027), so the list holds
 * the substitute days, not the weekend dates. The default of {@code exchange.deadlines.bank-holidays}; a deployment
 * extends it each year.
 */
public final class EnglandAndWalesBankHolidays {

    public static final List<LocalDate> DATES = List.of(
            // 2025
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 5),
            LocalDate.of(2025, 5, 26), LocalDate.of(2025, 8, 25), LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26),
            // 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
            // 2027: Christmas Day is a Saturday and Boxing Day a Sunday, so Monday 27 and Tuesday 28 December
            LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 3),
            LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 30), LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28));

    private EnglandAndWalesBankHolidays() {
    }
}
