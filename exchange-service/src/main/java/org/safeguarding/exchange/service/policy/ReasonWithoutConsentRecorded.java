package org.safeguarding.exchange.service.policy;

import exchange.v1.Consent;
import exchange.v1.ConsentStatus;
import org.apache.avro.specific.SpecificRecord;

/**
 * Contract rule 2, Hull 3.1-3.3 ("if sharing without consent, why") and Staffordshire 34 ("the decision not to
 * secure consent, and the reasons for taking this decision should be clearly recorded"): any consent status other
 * than GIVEN needs a reason.
 */
final class ReasonWithoutConsentRecorded implements Rule<SpecificRecord> {

    static final String RULE_ID = "contract-2/reason-without-consent";

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        if (!(RecordFields.value(message, "consent") instanceof Consent consent) || consent.getStatus() == null) {
            return;
        }
        if (consent.getStatus() != ConsentStatus.GIVEN && RecordFields.isBlank(consent.getReasonWithoutConsent())) {
            findings.violation("consent.reasonWithoutConsent", RULE_ID, "Consent is " + consent.getStatus()
                    + ": record why the information is shared or requested without consent (Hull 3.1-3.3, Staffordshire 34).");
        }
    }
}
