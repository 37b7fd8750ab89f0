package org.safeguarding.exchange.service.deadlines.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a share request must be answered: a number of working days after it was made (Hull 3.3 dates and times the
 * request), fewer when the requester marked it urgent. Plain Java.
 */
public final class ResponseDeadlines {

    private final WorkingDayCalendar calendar;
    private final int requestWorkingDays;
    private final int urgentWorkingDays;

    public ResponseDeadlines(WorkingDayCalendar calendar, int requestWorkingDays, int urgentWorkingDays) {
        if (requestWorkingDays < 1 || urgentWorkingDays < 1) {
            throw new IllegalArgumentException("response times are at least one working day");
        }
        this.calendar = calendar;
        this.requestWorkingDays = requestWorkingDays;
        this.urgentWorkingDays = urgentWorkingDays;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public Instant dueAt(Instant requestedAt, boolean urgent) {
        return calendar.addWorkingDays(requestedAt, urgent ? urgentWorkingDays : requestWorkingDays);
    }

    /** Overdue once the deadline has passed without an answer; due at 16:30 means still in time at 16:30. */
    public boolean isOverdue(Instant requestedAt, boolean urgent, Instant now) {
        return now.isAfter(dueAt(requestedAt, urgent));
    }

    /**
     * Only a request made before this instant can be overdue at {@code now}. A deadline is at least as many calendar
     * days after its request as the shorter response time has working days, less the hour a spring clock change takes
     * from a day (the local time of day is carried over).
     */
    public Instant overdueOnlyIfRequestedBefore(Instant now) {
        return now.minus(Duration.ofDays(Math.min(requestWorkingDays, urgentWorkingDays))).plus(Duration.ofHours(1));
    }

    /** How many working days the request has been waiting, counting the days after the one it was made on. */
    public int ageInWorkingDays(Instant requestedAt, Instant now) {
        return calendar.workingDaysBetween(requestedAt, now);
    }
}
