package org.safeguarding.exchange.service.policy;

import java.util.List;
import java.util.Optional;

/**
 * What the register already holds that some rules judge a message against: the consent positions of its case and
 * the state of its hazard. Intake looks it up once per batch, including what was accepted earlier in the batch.
 */
public record RegisterHistory(KnownConsent consent, KnownHazards hazards) {

    /** An empty register: no consent recorded, no hazard raised. */
    public static final RegisterHistory EMPTY = new RegisterHistory((caseReference, at) -> List.of(), hazardId -> Optional.empty());
}
