package org.safeguarding.exchange.service.deadlines.internal;

import java.time.Instant;

/** An accepted share request that its recipient has not yet answered with an accepted ShareDecision. */
public record OpenRequest(String requestId, String caseReference, String requesterAgency, String recipientAgency,
        Instant requestedAt, boolean urgent) {
}
