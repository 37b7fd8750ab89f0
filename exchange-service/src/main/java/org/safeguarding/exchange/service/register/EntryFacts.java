package org.safeguarding.exchange.service.register;

import java.time.Instant;
import java.util.List;

/**
 * The searchable facts of a message, copied into their own columns so that auditors can filter without
 * reading the JSON. All are derived from the payload, which the entry hash covers.
 */
public record EntryFacts(
        String recordType,
        String caseReference,
        String sendingAgency,
        List<String> recipientAgencies,
        String requesterName,
        String decision,
        String consentStatus,
        Instant occurredAt,
        Instant recordedAt,
        String correctsMessageId,
        String requestId) {

    public static final EntryFacts NONE = new EntryFacts(null, null, null, List.of(), null, null, null, null, null, null, null);

    public EntryFacts {
        recipientAgencies = List.copyOf(recipientAgencies);
    }

    /** The same facts addressed to other recipients. */
    public EntryFacts withRecipients(List<String> recipients) {
        return new EntryFacts(recordType, caseReference, sendingAgency, recipients, requesterName, decision, consentStatus,
                occurredAt, recordedAt, correctsMessageId, requestId);
    }
}
