package org.safeguarding.exchange.service.deadlines.internal;

import java.time.LocalDate;

/** A hazard as its latest accepted notification leaves it (not withdrawn), with the date it must be reviewed by. */
public record ActiveHazard(String hazardId, String caseReference, String raisingAgency, LocalDate reviewDue) {
}
