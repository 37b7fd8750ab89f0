package org.safeguarding.exchange.service.policy;

import org.apache.avro.specific.SpecificRecord;

/**
 * No agency speaks for another: the {@code exchange-sender} header names the agency the record says is acting
 * (the requester, the agency recording consent, the deciding agency, the agency raising a hazard). A missing
 * header or field is left to the rules that report those, so one fault gives one violation.
 */
final class SenderIsSendingAgency implements Rule<SpecificRecord> {

    static final String RULE_ID = "contract-headers/sender-is-acting-agency";

    private final String agencyField;

    SenderIsSendingAgency(String agencyField) {
        this.agencyField = agencyField;
    }

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        Object agency = RecordFields.value(message, agencyField);
        if (RecordFields.isBlank(envelope.sender()) || RecordFields.isBlank(agency)) {
            return;
        }
        if (!envelope.sender().equals(agency.toString())) {
            findings.violation(agencyField, RULE_ID,
                    agencyField + " is " + agency + " but the message was sent by " + envelope.sender()
                            + "; an agency may only send records in its own name.");
        }
    }
}
