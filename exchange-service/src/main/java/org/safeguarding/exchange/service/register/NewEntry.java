package org.safeguarding.exchange.service.register;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * A message as intake hands it to the register, before it has a place in a chain. The message's readable form is not
 * part of it: readers derive it from the exact bytes when they read the entry.
 *
 * @param messageId     the exchange-message-id header, or an id derived from the source coordinates when the
 *                      header is missing, so that reading the same record again finds the same entry
 * @param payload       the exact bytes the agency sent, or null when they are not kept (over the size limit)
 * @param payloadSha256 SHA-256 of the exact bytes, always present: the hash covers what was sent
 * @param provenSender  the agency the exchange proved sent the message, or null when it was not proven; with the
 *                      message id, the register's key ({@link EntryKey})
 * @param signature     the sender's signature over the message, or null when it was not signed
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
        EntryFacts facts,
        Set<String> flags,
        List<EntryViolation> violations,
        String provenSender,
        EntrySignature signature) {

    public NewEntry {
        // The hash covers the receiving time in milliseconds, and PostgreSQL rounds to microseconds: a time of
        // .123999999 s would come back as .124 s and no longer match its hash. So the register keeps milliseconds.
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MILLIS);
        flags = Set.copyOf(flags);
        violations = List.copyOf(violations);
    }

    /**
     * The agency the receipt answers: the proven sender; else the sender the message claims, who learns that a message
     * under its name was refused.
     */
    public String answerTo() {
        return provenSender != null ? provenSender : sender;
    }

    /** The register's key for this message: one entry per key. */
    public EntryKey key() {
        return new EntryKey(provenSender, messageId);
    }

    /** The same message rejected for these further violations (contract rule 1: every violation is named). */
    public NewEntry rejectedFor(List<EntryViolation> more) {
        List<EntryViolation> all = new java.util.ArrayList<>(violations);
        all.addAll(more);
        return new NewEntry(messageId, source, receivedAt, sender, EntryOutcome.REJECTED, schemaId, payload, payloadSha256,
                payloadSize, facts, flags, all, provenSender, signature);
    }

    public NewEntry withFacts(EntryFacts newFacts) {
        return new NewEntry(messageId, source, receivedAt, sender, outcome, schemaId, payload, payloadSha256, payloadSize,
                newFacts, flags, violations, provenSender, signature);
    }
}
