package org.safeguarding.exchange.service.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.safeguarding.exchange.service.policy.ConsentPosition;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Consent positions and hazards over time, for hubs and practitioners (Staffordshire 33-34, Derby section 4). */
@RestController
class ConsentHazardController {

    private final ConsentAndHazards lifecycle;

    ConsentHazardController(ConsentAndHazards lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Where each person's consent stands now, and every accepted consent outcome of the case, oldest first. */
    @GetMapping("/api/lifecycle/cases/{caseReference}/consent")
    CaseConsent consent(@PathVariable String caseReference) {
        ConsentPositions positions = lifecycle.consentOf(caseReference);
        Set<String> corrected = positions.corrected(caseReference);
        return new CaseConsent(caseReference, positions.current(caseReference), positions.history(caseReference).stream()
                .map(e -> new ConsentHistoryItem(e.sequence(), e.messageId(), e.personReference(), e.status().name(), e.givenBy(),
                        e.limits(), e.occurredAt(), e.agency(), e.correctsMessageId(), corrected.contains(e.messageId())))
                .toList());
    }

    /** The active hazards related to a case: raised in it, or linked to a child the case involves (Derby section 4). */
    @GetMapping("/api/lifecycle/cases/{caseReference}/related-hazards")
    Hazards relatedHazards(@PathVariable String caseReference) {
        return new Hazards(lifecycle.relatedHazards(caseReference));
    }

    /** The active hazards signposted from a child's record: those that name the child among their linked children. */
    @GetMapping("/api/lifecycle/children/{personReference}/hazards")
    Hazards hazardsOfChild(@PathVariable String personReference) {
        return new Hazards(lifecycle.hazardsOfChild(personReference));
    }

    /** Active hazards, soonest review first; with {@code dueForReviewBefore}, only those whose review falls before it. */
    @GetMapping("/api/lifecycle/hazards")
    Hazards hazards(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueForReviewBefore) {
        return new Hazards(lifecycle.activeHazards(dueForReviewBefore));
    }

    record CaseConsent(String caseReference, List<ConsentPosition> positions, List<ConsentHistoryItem> history) {
    }

    record ConsentHistoryItem(Long registerSequence, String messageId, String personReference, String status, String givenBy,
            String limits, Instant occurredAt, String agency, String correctsMessageId, boolean corrected) {
    }

    record Hazards(List<HazardState> hazards) {
    }
}
