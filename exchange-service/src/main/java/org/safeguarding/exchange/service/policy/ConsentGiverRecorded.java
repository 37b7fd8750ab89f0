package org.safeguarding.exchange.service.policy;

import exchange.v1.Consent;
import exchange.v1.ConsentStatus;
import org.apache.avro.specific.SpecificRecord;

/** Hull 3.1: "who consented to the information sharing": consent GIVEN names who gave it. */
final class ConsentGiverRecorded implements Rule<SpecificRecord> {

    static final String RULE_ID = "hull-3.1/who-consented";

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        if (RecordFields.value(message, "consent") instanceof Consent consent
                && consent.getStatus() == ConsentStatus.GIVEN && RecordFields.isBlank(consent.getGivenBy())) {
            findings.violation("consent.givenBy", RULE_ID,
                    "Consent is GIVEN: record who consented, with their name and relationship to the child (Hull 3.1).");
        }
    }
}
