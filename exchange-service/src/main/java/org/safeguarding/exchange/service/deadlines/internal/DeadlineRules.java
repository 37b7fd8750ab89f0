package org.safeguarding.exchange.service.deadlines.internal;

import exchange.v1.ReminderKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.safeguarding.exchange.service.deadlines.BringUp;
import org.safeguarding.exchange.service.deadlines.HazardReview;
import org.safeguarding.exchange.service.deadlines.RequestDeadline;

/**
 * What is due when, and which reminders that calls for (DEADLINES.md): response deadlines of share requests in
 * working days, hazard reviews a notice period ahead and once past, and the six-monthly bring-up of a case with no
 * contact. Plain Java over facts read from the register, so every rule is tested with fixed dates.
 */
public final class DeadlineRules {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final ResponseDeadlines deadlines;
    private final int hazardReviewNoticeDays;
    private final Period bringUpAfter;

    public DeadlineRules(ResponseDeadlines deadlines, int hazardReviewNoticeDays, Period bringUpAfter) {
        this.deadlines = deadlines;
        this.hazardReviewNoticeDays = hazardReviewNoticeDays;
        this.bringUpAfter = bringUpAfter;
    }

    private WorkingDayCalendar calendar() {
        return deadlines.calendar();
    }

    public RequestDeadline deadlineOf(OpenRequest request, Instant now) {
        return new RequestDeadline(request.requestId(), request.caseReference(), request.requesterAgency(), request.recipientAgency(),
                request.requestedAt(), request.urgent(), deadlines.dueAt(request.requestedAt(), request.urgent()),
                deadlines.ageInWorkingDays(request.requestedAt(), now), deadlines.isOverdue(request.requestedAt(), request.urgent(), now));
    }

    /** Derby section 4: hazards are periodically reviewed; empty while the review date is further off than the notice. */
    public Optional<HazardReview> reviewOf(ActiveHazard hazard, Instant now) {
        LocalDate today = calendar().today(now);
        if (today.isAfter(hazard.reviewDue())) {
            return Optional.of(new HazardReview(hazard.hazardId(), hazard.caseReference(), hazard.raisingAgency(), hazard.reviewDue(),
                    HazardReview.Status.OVERDUE));
        }
        if (!today.isBefore(hazard.reviewDue().minusDays(hazardReviewNoticeDays))) {
            return Optional.of(new HazardReview(hazard.hazardId(), hazard.caseReference(), hazard.raisingAgency(), hazard.reviewDue(),
                    HazardReview.Status.DUE));
        }
        return Optional.empty();
    }

    /** Aspired Futures: "If we have had no contact for six months, we have a 'bring up' system." */
    public Optional<BringUp> bringUpOf(CaseContact contact, Instant now) {
        LocalDate due = calendar().today(contact.lastActivityAt()).plus(bringUpAfter);
        if (calendar().today(now).isBefore(due)) {
            return Optional.empty();
        }
        return Optional.of(new BringUp(contact.caseReference(), contact.lastActivityAt(), contact.lastContactAgency(), due));
    }

    /** Only a request made before this instant can be overdue at {@code now}, so only those need reading. */
    public Instant overdueOnlyIfRequestedBefore(Instant now) {
        return deadlines.overdueOnlyIfRequestedBefore(now);
    }

    /** A hazard is due (or overdue) for review at {@code now} if its review date is on or before this day. */
    public LocalDate reviewDueBy(Instant now) {
        return calendar().today(now).plusDays(hazardReviewNoticeDays);
    }

    /**
     * A case whose last activity is at or after this instant is not yet due for bring-up, so only cases quiet since
     * before it need reading. A week early: a period of months ending at a month's end is not undone exactly by
     * subtracting it (31 August plus six months is 28 February), and {@link #bringUpOf} decides.
     */
    public Instant bringUpQuietSince(Instant now) {
        return calendar().startOf(calendar().today(now).minus(bringUpAfter).plusWeeks(1));
    }

    /** Every reminder the facts call for at {@code now}; the outbox keeps only those not already decided. */
    public List<PlannedReminder> remindersDue(List<OpenRequest> requests, List<ActiveHazard> hazards, List<CaseContact> contacts,
            Instant now) {
        List<PlannedReminder> due = new ArrayList<>();
        for (OpenRequest request : requests) {
            RequestDeadline deadline = deadlineOf(request, now);
            if (deadline.overdue()) {
                due.add(new PlannedReminder(ReminderKind.REQUEST_OVERDUE, request.requesterAgency() + "/" + request.requestId(),
                        request.requestId(), request.caseReference(), request.recipientAgency(),
                        calendar().today(deadline.dueAt()), deadline.dueAt(),
                        "Request " + request.requestId() + " from " + request.requesterAgency() + " on case " + request.caseReference()
                                + (request.urgent() ? " (urgent)" : "") + " was due for an answer by "
                                + WHEN.format(ZonedDateTime.ofInstant(deadline.dueAt(), calendar().zone()))
                                + " and has not been answered."));
            }
        }
        for (ActiveHazard hazard : hazards) {
            reviewOf(hazard, now).ifPresent(review -> {
                boolean overdue = review.status() == HazardReview.Status.OVERDUE;
                due.add(new PlannedReminder(overdue ? ReminderKind.HAZARD_REVIEW_OVERDUE : ReminderKind.HAZARD_REVIEW_DUE,
                        hazard.raisingAgency() + "/" + hazard.hazardId(), hazard.hazardId(), hazard.caseReference(),
                        hazard.raisingAgency(), hazard.reviewDue(), calendar().startOf(hazard.reviewDue()),
                        "Hazard " + hazard.hazardId() + " on case " + hazard.caseReference()
                                + (overdue ? " was due for review on " : " is due for review on ") + DAY.format(hazard.reviewDue())
                                + (overdue ? " and has not been reviewed." : ": review whether it needs to remain active.")));
            });
        }
        for (CaseContact contact : contacts) {
            bringUpOf(contact, now).ifPresent(bringUp -> due.add(new PlannedReminder(ReminderKind.CASE_BRING_UP,
                    contact.caseReference(), contact.caseReference(), contact.caseReference(), contact.lastContactAgency(),
                    bringUp.dueDate(), calendar().startOf(bringUp.dueDate()),
                    "Case " + contact.caseReference() + " has had no contact since "
                            + DAY.format(calendar().today(bringUp.lastActivityAt()))
                            + ": review the record, make follow-up contact if appropriate, and record the decision.")));
        }
        return due;
    }
}
