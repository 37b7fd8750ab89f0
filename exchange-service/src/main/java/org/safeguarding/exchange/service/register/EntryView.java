package org.safeguarding.exchange.service.register;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;

/**
 * A register entry as readers see it: its facts, its place in its chain, the message in readable form, and the request
 * it belongs to (a request, or a consent outcome or decision answering one).
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
        String requestId) {

    /** The entry's metadata only: what a hub sees (no message body). */
    public EntryView withoutMessage() {
        return new EntryView(sequence, messageId, outcome, recordType, caseReference, sendingAgency, recipientAgencies, requesterName,
                decision, consentStatus, occurredAt, recordedAt, receivedAt, lateEntry, flags, violations, chainId, chainPosition,
                previousHash, entryHash, sourceTopic, sourcePartition, sourceOffset, schemaId, payloadSize, null, requestId);
    }

}
