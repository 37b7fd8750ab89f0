package org.safeguarding.exchange.service.consent;

import java.time.Instant;
import java.util.List;
import org.safeguarding.exchange.service.policy.ConsentPosition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Consent positions over time, for hubs and practitioners (Staffordshire 33-34). */
@RestController
class ConsentController {

    private final ConsentHistory consent;

    ConsentController(ConsentHistory consent) {
        this.consent = consent;
    }

    /** Where each person's consent stands now, and every accepted consent outcome of the case, oldest first. */
    @GetMapping("/api/lifecycle/cases/{caseReference}/consent")
    CaseConsent consent(@PathVariable String caseReference) {
        ConsentPositions positions = consent.of(caseReference);
        return new CaseConsent(caseReference, positions.current(caseReference), positions.history(caseReference).stream()
                .map(e -> new ConsentHistoryItem(e.sequence(), e.messageId(), e.personReference(), e.status().name(), e.givenBy(),
                        e.limits(), e.occurredAt(), e.agency(), e.correctsMessageId(), positions.isCorrected(e)))
                .toList());
    }

    record CaseConsent(String caseReference, List<ConsentPosition> positions, List<ConsentHistoryItem> history) {
    }

    record ConsentHistoryItem(Long registerSequence, String messageId, String personReference, String status, String givenBy,
            String limits, Instant occurredAt, String agency, String correctsMessageId, boolean corrected) {
    }
}
