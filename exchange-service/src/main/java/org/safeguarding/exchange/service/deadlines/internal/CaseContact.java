package org.safeguarding.exchange.service.deadlines.internal;

import java.time.Instant;

/**
 * The last contact on a case: the latest accepted register entry and the agency that made it, and the latest
 * bring-up decision (null if none). A bring-up decision is itself a review of the case, so it restarts the six months.
 */
public record CaseContact(String caseReference, Instant lastContactAt, String lastContactAgency, Instant lastBringUpDecisionAt) {

    public Instant lastActivityAt() {
        return lastBringUpDecisionAt != null && lastBringUpDecisionAt.isAfter(lastContactAt) ? lastBringUpDecisionAt : lastContactAt;
    }
}
