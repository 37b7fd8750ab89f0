package org.safeguarding.exchange.service.hazards;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hazards over time, for hubs and practitioners (Derby section 4). */
@RestController
class HazardController {

    private final Hazards hazards;

    HazardController(Hazards hazards) {
        this.hazards = hazards;
    }

    /** The active hazards related to a case: raised in it, or linked to a child the case involves (Derby section 4). */
    @GetMapping("/api/lifecycle/cases/{caseReference}/related-hazards")
    HazardList relatedHazards(@PathVariable String caseReference) {
        return new HazardList(hazards.relatedHazards(caseReference));
    }

    /** The active hazards signposted from a child's record: those that name the child among their linked children. */
    @GetMapping("/api/lifecycle/children/{personReference}/hazards")
    HazardList hazardsOfChild(@PathVariable String personReference) {
        return new HazardList(hazards.hazardsOfChild(personReference));
    }

    /** Active hazards, soonest review first; with {@code dueForReviewBefore}, only those whose review falls before it. */
    @GetMapping("/api/lifecycle/hazards")
    HazardList hazards(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueForReviewBefore) {
        return new HazardList(hazards.activeHazards(dueForReviewBefore));
    }

    record HazardList(List<HazardState> hazards) {
    }
}
