package org.safeguarding.exchange.service.consent;

import exchange.v1.ConsentOutcome;
import exchange.v1.ConsentStatus;
import java.time.Instant;
import org.safeguarding.exchange.service.policy.ConsentPosition;

/**
 * One accepted consent outcome as the consent history keeps it.
 *
 * @param sequence its register sequence, or null while it is still being recorded in the current batch
 * @param agency   the agency that recorded it, which is the entry's sending agency
 */
public record ConsentEntry(String messageId, Long sequence, String caseReference, String personReference,
        ConsentStatus status, String givenBy, String limits, Instant occurredAt, String agency, String correctsMessageId) {

    static ConsentEntry of(String messageId, ConsentOutcome outcome) {
        return new ConsentEntry(messageId, null, outcome.getCaseReference(), outcome.getPersonReference(),
                outcome.getConsent().getStatus(), outcome.getConsent().getGivenBy(), outcome.getConsent().getLimits(),
                outcome.getOccurredAt(), outcome.getAgency(), outcome.getCorrectsMessageId());
    }

    /** The same outcome, written to the register at {@code registerSequence}. */
    ConsentEntry registeredAs(long registerSequence) {
        return new ConsentEntry(messageId, registerSequence, caseReference, personReference, status, givenBy, limits, occurredAt,
                agency, correctsMessageId);
    }

    ConsentPosition position() {
        return new ConsentPosition(caseReference, personReference, status, givenBy, limits, occurredAt, agency, messageId);
    }
}
