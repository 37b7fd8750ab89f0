package org.safeguarding.exchange.service.policy;

/** The agency directory as the policy sees it: which agency codes exist. */
public interface KnownAgencies {

    boolean isKnown(String agencyCode);
}
