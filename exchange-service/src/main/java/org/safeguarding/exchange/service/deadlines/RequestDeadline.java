package org.safeguarding.exchange.service.deadlines;

import java.time.Instant;

/** An unanswered request with its response deadline and how long it has waited, in working days. */
public record RequestDeadline(String requestId, String caseReference, String requesterAgency, String recipientAgency,
        Instant requestedAt, boolean urgent, Instant dueAt, int ageInWorkingDays, boolean overdue) {
}
