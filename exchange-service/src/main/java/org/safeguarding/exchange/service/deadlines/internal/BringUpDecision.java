package org.safeguarding.exchange.service.deadlines.internal;

import java.time.Instant;

/**
 * What was decided when a case was brought up for review (Aspired Futures: "The person's record is reviewed and, if
 * appropriate follow up contact is made. A record of the decision is logged").
 */
public record BringUpDecision(String caseReference, String decidedBy, Decision decision, String reason, Instant decidedAt) {

    public enum Decision { FOLLOW_UP_CONTACT, NO_FURTHER_CONTACT }
}
