package org.safeguarding.exchange.service.policy;

import org.apache.avro.specific.SpecificRecord;

/**
 * Hull 3.1-3.2: "whether the person or family concerned were informed of the sharing and, if not, why not".
 */
final class ReasonNotInformedRecorded implements Rule<SpecificRecord> {

    static final String RULE_ID = "hull-3.1/reason-not-informed";

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        if (Boolean.FALSE.equals(RecordFields.value(message, "subjectInformed"))
                && RecordFields.isBlank(RecordFields.value(message, "reasonNotInformed"))) {
            findings.violation("reasonNotInformed", RULE_ID,
                    "The person or family were not informed: record why not (Hull 3.1-3.2).");
        }
    }
}
