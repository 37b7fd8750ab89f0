package org.safeguarding.exchange.service.policy;

import exchange.v1.HazardNotification;
import java.util.List;

/**
 * The contract's HazardNotification: notifyAgencies lists the other agencies to be warned, each of which gets the
 * hazard in its inbox. The raising agency already holds the hazard (Derby section 4: it is recorded against the
 * person on the raiser's own system), so naming it there is a recording mistake, not a warning.
 */
final class HazardNotifiesOthers implements Rule<HazardNotification> {

    static final String RULE_ID = "contract-hazard/notify-other-agencies";

    @Override
    public void check(HazardNotification hazard, Envelope envelope, Findings findings) {
        List<String> notify = hazard.getNotifyAgencies();
        String raising = hazard.getRaisingAgency();
        if (notify == null || RecordFields.isBlank(raising)) {
            return;
        }
        for (int index = 0; index < notify.size(); index++) {
            if (raising.equals(notify.get(index))) {
                findings.violation("notifyAgencies[" + index + "]", RULE_ID, raising
                        + " is the agency raising the hazard; list only the other agencies to be warned in notifyAgencies.");
            }
        }
    }
}
