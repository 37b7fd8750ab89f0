package org.safeguarding.exchange.service.policy;

import org.apache.avro.specific.SpecificRecord;

/** A recording rule that judges a message against what the register already holds, not against the message alone. */
interface HistoryRule<T extends SpecificRecord> {

    void check(T message, RegisterHistory history, Findings findings);
}
