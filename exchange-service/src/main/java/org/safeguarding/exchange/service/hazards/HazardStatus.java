package org.safeguarding.exchange.service.hazards;

/** Whether a hazard still warns (Derby section 4: hazards are reviewed "to check they need to remain active"). */
public enum HazardStatus {
    ACTIVE,
    WITHDRAWN
}
