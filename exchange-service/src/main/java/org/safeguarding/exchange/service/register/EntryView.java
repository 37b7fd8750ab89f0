package org.safeguarding.exchange.service.register;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;

/**
 * A register entry as readers see it: its facts, its place in its chain, the message in readable form, the request it
 * belongs to (a request, or a consent outcome or decision answering one), who was proven to send it and its signature.
 * The readable message is derived from the exact bytes when the entry is read; every other value is covered by the
 * entry hash (entries written with version 2 of {@link EntryEncoding}).
 *
 * @param lateEntry    whether the entry carries the LATE_ENTRY flag
 * @param message      the message as JSON, derived from its bytes with the schema they name; null when there is no
 *                     readable message (undecodable, too large, or its bytes or schema no longer verify)
 * @param provenSender the agency the exchange proved sent the message, or null
 * @param signature    the sender's signature over the message, or null
 */
public record EntryView(
        long sequence,
        String messageId,
        String outcome,
        String recordType,
        String caseReference,
        String sendingAgency,
        List<String> recipientAgencies,
        String requesterName,
        String decision,
        String consentStatus,
        Instant occurredAt,
        Instant recordedAt,
        Instant receivedAt,
        boolean lateEntry,
        List<String> flags,
        @JsonRawValue String violations,
        String chainId,
        long chainPosition,
        String previousHash,
        String entryHash,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        Integer schemaId,
        int payloadSize,
        @JsonRawValue String message,
        String requestId,
        String provenSender,
        EntrySignature signature) {

    /** The entry's metadata only: what a hub sees (no message body). */
    public EntryView withoutMessage() {
        return new EntryView(sequence, messageId, outcome, recordType, caseReference, sendingAgency, recipientAgencies, requesterName,
                decision, consentStatus, occurredAt, recordedAt, receivedAt, lateEntry, flags, violations, chainId, chainPosition,
                previousHash, entryHash, sourceTopic, sourcePartition, sourceOffset, schemaId, payloadSize, null, requestId, provenSender,
                signature);
    }

}
