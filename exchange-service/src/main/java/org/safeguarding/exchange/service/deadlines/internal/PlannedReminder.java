package org.safeguarding.exchange.service.deadlines.internal;

import exchange.v1.ReminderKind;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder the rules say is due. {@code (kind, subjectKey, dueDate)} identifies it: the same thing falling due on
 * the same date is reminded once, however often and on however many instances the rules run. The subject key
 * qualifies agency-chosen identifiers by their agency (two agencies may both number a request "REQ-1").
 */
public record PlannedReminder(ReminderKind kind, String subjectKey, String subjectReference, String caseReference, String agency,
        LocalDate dueDate, Instant dueAt, String message) {
}
