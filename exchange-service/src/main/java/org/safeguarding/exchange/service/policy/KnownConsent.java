package org.safeguarding.exchange.service.policy;

import java.time.Instant;
import java.util.List;

/** The consent outcomes the register holds, as the policy sees them: each person's position in a case at a moment. */
public interface KnownConsent {

    /**
     * Each person's position in the case as it stood at {@code at}: of the accepted consent outcomes that occurred
     * at or before it, the newest, corrections applied. Empty when no consent outcome is recorded for the case.
     */
    List<ConsentPosition> positionsAt(String caseReference, Instant at);
}
