package org.safeguarding.exchange.service.policy;

import org.apache.avro.specific.SpecificRecord;

/**
 * Derby section 1: records are made as events happen or after them ("Late Entry"), never before: an entry's
 * recordedAt is not earlier than its occurredAt (beyond {@link EntryTimes#CLOCK_SKEW}).
 */
final class RecordedAfterEvent implements Rule<SpecificRecord> {

    static final String RULE_ID = "derby-1/recorded-after-event";

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        EntryTimes times = EntryTimes.of(message);
        if (times.occurredAt() != null && times.recordedAt() != null
                && times.recordedAt().isBefore(times.occurredAt().minus(EntryTimes.CLOCK_SKEW))) {
            findings.violation("recordedBy.recordedAt", RULE_ID, "The entry is recorded at " + times.recordedAt()
                    + ", before the event at " + times.occurredAt() + "; an entry cannot be made before what it records: check both times.");
        }
    }
}
