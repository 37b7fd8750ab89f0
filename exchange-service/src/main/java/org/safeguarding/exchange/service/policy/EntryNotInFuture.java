package org.safeguarding.exchange.service.policy;

import java.time.Clock;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * Staffordshire 19 and Derby section 1: every entry is dated, and the dates are true: neither the event nor the
 * entry lies in the future (beyond {@link EntryTimes#CLOCK_SKEW}).
 */
final class EntryNotInFuture implements Rule<SpecificRecord> {

    static final String RULE_ID = "derby-1/entry-not-in-future";

    private final Clock clock;

    EntryNotInFuture(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        Instant latestAllowed = clock.instant().plus(EntryTimes.CLOCK_SKEW);
        EntryTimes times = EntryTimes.of(message);
        if (times.occurredAt() != null && times.occurredAt().isAfter(latestAllowed)) {
            findings.violation("occurredAt", RULE_ID, "occurredAt " + times.occurredAt()
                    + " is in the future; record when the event actually happened.");
        }
        if (times.recordedAt() != null && times.recordedAt().isAfter(latestAllowed)) {
            findings.violation("recordedBy.recordedAt", RULE_ID, "recordedBy.recordedAt " + times.recordedAt()
                    + " is in the future; record when the entry was made, and check the sending system's clock.");
        }
    }
}
