package org.safeguarding.exchange.service.policy;

import org.apache.avro.specific.SpecificRecord;

/**
 * One recording rule, checked against messages of type {@code T}. A rule reports every fault it finds and never
 * stops the others: the sender is told everything that is wrong at once (contract rule 1).
 */
interface Rule<T extends SpecificRecord> {

    void check(T message, Envelope envelope, Findings findings);
}
