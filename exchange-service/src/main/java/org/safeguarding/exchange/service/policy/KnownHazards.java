package org.safeguarding.exchange.service.policy;

import exchange.v1.HazardAction;
import java.util.Optional;

/** The hazards the register holds, as the policy sees them. */
public interface KnownHazards {

    /** The last accepted action on the hazard ({@code WITHDRAWN} for a withdrawn one), or empty if it was never raised. */
    Optional<HazardAction> lastAction(String hazardId);
}
