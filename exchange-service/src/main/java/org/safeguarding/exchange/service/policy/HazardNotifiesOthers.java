package org.safeguarding.exchange.service.policy;

import exchange.v1.HazardNotification;
import java.util.List;

/**
 * Derby section 4 warns others of a hazard: notifyAgencies lists the agencies to warn, and the raising agency,
 * which already holds the hazard, is not one of them (it would be sent its own warning as news).
 */
final class HazardNotifiesOthers implements Rule<HazardNotification> {

    static final String RULE_ID = "derby-4/notify-other-agencies";

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
