package org.safeguarding.exchange.service.policy;

import exchange.v1.Consent;
import exchange.v1.ConsentStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Staffordshire 33 ("consent to share information ... should be recorded") and 34, Hull 3.1 ("whether you are sharing
 * with or without consent"): a request or decision that claims consent GIVEN while the register shows a person's
 * consent in the case refused or withdrawn, more recently than any consent that person gave, misstates the consent
 * position. Judged as it stood when the sharing occurred, so a late entry about an earlier share is not refused
 * because of a later withdrawal.
 */
final class ConsentClaimMatchesRegister implements HistoryRule<SpecificRecord> {

    static final String RULE_ID = "staffordshire-33/consent-position";

    @Override
    public void check(SpecificRecord message, RegisterHistory history, Findings findings) {
        if (!(RecordFields.value(message, "consent") instanceof Consent consent) || consent.getStatus() != ConsentStatus.GIVEN
                || !(RecordFields.value(message, "caseReference") instanceof CharSequence caseReference)
                || !(RecordFields.value(message, "occurredAt") instanceof Instant occurredAt)) {
            return;
        }
        List<ConsentPosition> standing = history.consent().positionsAt(caseReference.toString(), occurredAt).stream()
                .filter(ConsentPosition::forbidsClaimOfConsent).toList();
        if (!standing.isEmpty()) {
            findings.violation("consent.status", RULE_ID, "The register shows consent in case " + caseReference + " "
                    + standing.stream().map(ConsentClaimMatchesRegister::describe).collect(Collectors.joining("; "))
                    + ", so the message cannot say consent was GIVEN: record the consent position as it is and, if"
                    + " sharing without consent, why (Staffordshire 33-34, Hull 3.1).");
        }
    }

    private static String describe(ConsentPosition position) {
        return position.status().name().toLowerCase() + (position.personReference() == null ? "" : " by " + position.personReference())
                + " on " + position.occurredAt() + " (recorded by " + position.agency() + ", message " + position.messageId() + ")";
    }
}
