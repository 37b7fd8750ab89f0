package org.safeguarding.exchange.service.consent;

import exchange.v1.Consent;
import exchange.v1.ConsentStatus;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.service.consent.internal.ConsentStore;
import org.safeguarding.exchange.service.register.Recorded;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accepted consent outcomes of each case, kept in the consent module's own table: for intake, one look-up per
 * batch of the cases in which consent is claimed and, in the register's own transaction, the outcomes the register
 * wrote as new; for hubs, a case's positions and history. Replays and duplicates write nothing: their outcome was
 * written with their first entry, or the transaction that would have written it rolled back with it.
 */
@Service
public class ConsentHistory {

    private final ConsentStore store;

    ConsentHistory(ConsentStore store) {
        this.store = store;
    }

    /**
     * Looks up, for a whole batch of decoded messages (nulls for those that could not be decoded), the accepted consent
     * outcomes of every case in which a request or decision claims consent was given. One query, none when no message
     * claims consent.
     */
    public ConsentBatch lookUp(List<SpecificRecord> messages) {
        Set<String> consentCases = new LinkedHashSet<>();
        for (SpecificRecord message : messages) {
            Consent claimed = message instanceof ShareRequest request ? request.getConsent()
                    : message instanceof ShareDecision decision ? decision.getConsent() : null;
            String caseReference = message instanceof ShareRequest request ? request.getCaseReference()
                    : message instanceof ShareDecision decision ? decision.getCaseReference() : null;
            if (caseReference != null && claimed != null && claimed.getStatus() == ConsentStatus.GIVEN) {
                consentCases.add(caseReference);
            }
        }
        if (consentCases.isEmpty()) {
            return ConsentBatch.empty();
        }
        return new ConsentBatch(new ConsentPositions(store.outcomesOf(consentCases)));
    }

    /**
     * Writes the consent outcomes among the accepted entries the register wrote as new, with their register sequences.
     * Must run in the register's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordNew(List<Recorded> recorded, ConsentBatch batch) {
        Map<Long, ConsentEntry> outcomes = new LinkedHashMap<>();
        for (Recorded r : recorded) {
            if (r.newlyAccepted()) {
                long sequence = r.entry().sequence();
                batch.acceptedOutcome(r.entry().message().key())
                        .ifPresent(outcome -> outcomes.putIfAbsent(sequence, outcome.registeredAs(sequence)));
            }
        }
        if (!outcomes.isEmpty()) {
            store.insert(new ArrayList<>(outcomes.values()));
        }
    }

    /** The consent positions and history of one case. */
    @Transactional(readOnly = true)
    public ConsentPositions of(String caseReference) {
        return new ConsentPositions(store.outcomesOf(List.of(caseReference)));
    }
}
