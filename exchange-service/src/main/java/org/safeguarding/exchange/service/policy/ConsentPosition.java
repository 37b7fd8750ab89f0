package org.safeguarding.exchange.service.policy;

import exchange.v1.ConsentStatus;
import java.time.Instant;

/**
 * Where one person's consent stands in a case: the accepted consent outcome that decides it.
 *
 * @param caseReference   the case
 * @param personReference the person whose consent it is, or null when the outcome named no one (the case as a whole)
 * @param status          given, refused, withdrawn or not sought
 * @param givenBy         who gave it, when given (Hull 3.1)
 * @param limits          any limits to the consent (Hull 3.1, Staffordshire 33)
 * @param occurredAt      when consent was given, refused or withdrawn
 * @param agency          the agency that recorded it
 * @param messageId       the exchange-message-id of the consent outcome that decides the position
 */
public record ConsentPosition(String caseReference, String personReference, ConsentStatus status, String givenBy,
        String limits, Instant occurredAt, String agency, String messageId) {

    /** Refused or withdrawn: sharing may not claim consent while this stands. */
    public boolean forbidsClaimOfConsent() {
        return status == ConsentStatus.REFUSED || status == ConsentStatus.WITHDRAWN;
    }
}
