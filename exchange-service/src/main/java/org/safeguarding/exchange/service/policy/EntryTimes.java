package org.safeguarding.exchange.service.policy;

import exchange.v1.RecordedBy;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * When the event happened and when it was recorded, as every intake record states them ({@code occurredAt},
 * {@code recordedBy.recordedAt}); either may be null in a record that breaks the required-field rule.
 */
record EntryTimes(Instant occurredAt, Instant recordedAt) {

    /** Agencies' clocks are not ours: times this close to the exchange's are taken as agreeing with it. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static EntryTimes of(SpecificRecord message) {
        Instant occurredAt = (Instant) RecordFields.value(message, "occurredAt");
        Instant recordedAt = RecordFields.value(message, "recordedBy") instanceof RecordedBy recordedBy
                ? recordedBy.getRecordedAt()
                : null;
        return new EntryTimes(occurredAt, recordedAt);
    }
}
