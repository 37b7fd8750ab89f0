package org.safeguarding.exchange.service.policy;

import org.apache.avro.specific.SpecificRecord;

/** Contract, wire format: every message an agency sends carries its own agency code in {@code exchange-sender}. */
final class SenderHeaderPresent implements Rule<SpecificRecord> {

    static final String RULE_ID = "contract-headers/sender-present";
    static final String HEADER = "exchange-sender";

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        if (RecordFields.isBlank(envelope.sender())) {
            findings.violation(HEADER, RULE_ID,
                    "Send the message with an exchange-sender header holding your agency's code, so the exchange knows who is speaking.");
        }
    }
}
