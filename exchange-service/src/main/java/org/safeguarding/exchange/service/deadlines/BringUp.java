package org.safeguarding.exchange.service.deadlines;

import java.time.Instant;
import java.time.LocalDate;

/** A case due for review because there has been no contact (and no bring-up decision) for the bring-up period. */
public record BringUp(String caseReference, Instant lastActivityAt, String lastContactAgency, LocalDate dueDate) {
}
