package org.safeguarding.exchange.service.policy;

import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import java.util.Optional;

/**
 * Derby section 4: a hazard is raised against a person, then updated, reviewed "to check [it needs] to remain
 * active", and withdrawn. Every action names its hazard by {@code hazardId}, so: a hazard is raised once; only a
 * raised hazard is updated, reviewed or withdrawn; a withdrawn hazard takes no further action (a new concern is a
 * new hazard). A correction ({@code correctsMessageId}) may restate the hazard's current stage: a corrected RAISED
 * replaces the details of an active hazard, a corrected WITHDRAWN those of a withdrawn one.
 */
final class HazardFollowsLifecycle implements HistoryRule<HazardNotification> {

    static final String RULE_ID = "derby-4/hazard-lifecycle";

    @Override
    public void check(HazardNotification hazard, RegisterHistory history, Findings findings) {
        if (hazard.getHazardId() == null || hazard.getAction() == null) {
            return;
        }
        String id = hazard.getHazardId();
        Optional<HazardAction> last = history.hazards().lastAction(id);
        boolean known = last.isPresent();
        boolean withdrawn = known && last.get() == HazardAction.WITHDRAWN;
        boolean correction = hazard.getCorrectsMessageId() != null;
        HazardAction action = hazard.getAction();
        if (action == HazardAction.RAISED) {
            if (known && !correction) {
                findings.violation("hazardId", RULE_ID, "Hazard " + id + " has already been raised: send UPDATED, REVIEWED"
                        + " or WITHDRAWN for it, or give a new concern a new hazardId (Derby section 4).");
            } else if (withdrawn) {
                findings.violation("hazardId", RULE_ID, withdrawnMessage(id));
            }
        } else if (!known) {
            findings.violation("hazardId", RULE_ID, "No hazard " + id + " has been raised through the exchange, so it cannot be "
                    + action + ": raise it first (Derby section 4).");
        } else if (withdrawn && !(correction && action == HazardAction.WITHDRAWN)) {
            findings.violation("hazardId", RULE_ID, withdrawnMessage(id));
        }
    }

    private static String withdrawnMessage(String id) {
        return "Hazard " + id + " has been withdrawn and takes no further action: if the concern has returned, raise a new"
                + " hazard with a new hazardId (Derby section 4).";
    }
}
