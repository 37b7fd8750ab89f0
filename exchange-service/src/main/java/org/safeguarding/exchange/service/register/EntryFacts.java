package org.safeguarding.exchange.service.register;

import java.time.Instant;
import java.util.List;

/**
 * The searchable facts of a message, copied into their own columns so that auditors can filter without decoding every
 * message. Most are read out of the payload; the recipients may also come from the register's history (who a hazard
 * or a consent outcome reaches). Entries written with {@link EntryEncoding}'s version 2 have every fact under their
 * hash, so a changed column is found by verification.
 *
 * @param personReferences the people the message names as data subjects (a consent outcome's person, a hazard's person
 *                         and linked children), for subject access requests
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
        String requestId,
        List<String> personReferences) {

    public static final EntryFacts NONE = new EntryFacts(null, null, null, List.of(), null, null, null, null, null, null, null, List.of());

    public EntryFacts {
        recipientAgencies = List.copyOf(recipientAgencies);
        personReferences = List.copyOf(personReferences);
    }

    /** The same facts addressed to other recipients. */
    public EntryFacts withRecipients(List<String> recipients) {
        return new EntryFacts(recordType, caseReference, sendingAgency, recipients, requesterName, decision, consentStatus,
                occurredAt, recordedAt, correctsMessageId, requestId, personReferences);
    }
}
