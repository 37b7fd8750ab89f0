package org.safeguarding.exchange.service.register;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;

/** A register entry as readers see it: its facts, its place in its chain, and the message in readable form. */
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
        @JsonRawValue String message) {
}
