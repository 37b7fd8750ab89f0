package org.safeguarding.exchange.service.policy;

import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;

/**
 * Contract rule 4 and Derby section 1: records are made "at the latest, within 24 hours. Where records are made
 * or updated late or after the event, the fact must be stated as a 'Late Entry'". A late entry is accepted and
 * flagged, never refused.
 */
final class LateEntryFlagged implements Rule<SpecificRecord> {

    static final Duration RECORDING_DEADLINE = Duration.ofHours(24);

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        EntryTimes times = EntryTimes.of(message);
        if (times.occurredAt() != null && times.recordedAt() != null
                && Duration.between(times.occurredAt(), times.recordedAt()).compareTo(RECORDING_DEADLINE) > 0) {
            findings.flag(EntryFlag.LATE_ENTRY);
        }
    }
}
