package org.safeguarding.exchange.service.deadlines;

import java.time.LocalDate;

/** A hazard whose review is near ({@code DUE}) or past ({@code OVERDUE}). */
public record HazardReview(String hazardId, String caseReference, String raisingAgency, LocalDate reviewDue, Status status) {

    public enum Status { DUE, OVERDUE }
}
