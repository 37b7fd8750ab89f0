package org.safeguarding.exchange.service.register;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * A message as intake hands it to the register, before it has a place in a chain.
 *
 * @param messageId     the exchange-message-id header, or an id derived from the source coordinates when the
 *                      header is missing, so that reading the same record again finds the same entry
 * @param payload       the exact bytes the agency sent, or null when they are not kept (over the size limit)
 * @param payloadSha256 SHA-256 of the exact bytes, always present: the hash covers what was sent
 * @param payloadJson   the readable form of a decoded message, null when undecodable
 */
public record NewEntry(
        String messageId,
        SourceCoordinates source,
        Instant receivedAt,
        String sender,
        EntryOutcome outcome,
        Integer schemaId,
        byte[] payload,
        byte[] payloadSha256,
        int payloadSize,
        String payloadJson,
        EntryFacts facts,
        Set<String> flags,
        List<EntryViolation> violations) {

    public NewEntry {
        // The hash covers the receiving time in milliseconds, and PostgreSQL rounds to microseconds: a time of
        // .123999999 s would come back as .124 s and no longer match its hash. So the register keeps milliseconds.
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MILLIS);
        flags = Set.copyOf(flags);
        violations = List.copyOf(violations);
    }

    /** The same message rejected for these further violations (contract rule 1: every violation is named). */
    public NewEntry rejectedFor(List<EntryViolation> more) {
        List<EntryViolation> all = new java.util.ArrayList<>(violations);
        all.addAll(more);
        return new NewEntry(messageId, source, receivedAt, sender, EntryOutcome.REJECTED, schemaId, payload, payloadSha256,
                payloadSize, payloadJson, facts, flags, all);
    }

    public NewEntry withFacts(EntryFacts newFacts) {
        return new NewEntry(messageId, source, receivedAt, sender, outcome, schemaId, payload, payloadSha256, payloadSize,
                payloadJson, newFacts, flags, violations);
    }
}
