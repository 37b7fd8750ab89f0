package org.safeguarding.exchange.service.deadlines;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeguarding.exchange.service.deadlines.internal.BringUpDecision;
import org.safeguarding.exchange.service.deadlines.internal.BringUpDecisions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Deadlines, hazard review reminders and bring-ups over HTTP (DEADLINES.md). */
@RestController
class DeadlineController {

    private final DeadlineQueries queries;
    private final BringUpDecisions decisions;

    DeadlineController(DeadlineQueries queries, BringUpDecisions decisions) {
        this.queries = queries;
        this.decisions = decisions;
    }

    /** {@code open}: every unanswered request; {@code overdue}: those past their response deadline. */
    @GetMapping("/api/lifecycle/requests")
    Map<String, List<RequestDeadline>> requests(@RequestParam(defaultValue = "open") String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "open" -> Map.of("requests", queries.requests(false));
            case "overdue" -> Map.of("requests", queries.requests(true));
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status is open or overdue, not " + status);
        };
    }

    @GetMapping("/api/lifecycle/hazards/review-due")
    Map<String, List<HazardReview>> hazardReviewsDue() {
        return Map.of("hazards", queries.hazardReviewsDue());
    }

    @GetMapping("/api/lifecycle/bring-ups")
    Map<String, List<BringUp>> bringUps() {
        return Map.of("cases", queries.bringUpsDue());
    }

    record DecisionRequest(String who, String decision, String reason) {
    }

    @PostMapping("/api/lifecycle/bring-ups/{caseReference}/decision")
    ResponseEntity<BringUpDecision> decide(@PathVariable String caseReference, @RequestBody DecisionRequest request) {
        if (request == null || blank(request.who()) || blank(request.decision()) || blank(request.reason())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "who, decision and reason are all required");
        }
        BringUpDecision.Decision decision;
        try {
            decision = BringUpDecision.Decision.valueOf(request.decision().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "decision is FOLLOW_UP_CONTACT or NO_FURTHER_CONTACT");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(decisions.record(caseReference, request.who().strip(), decision, request.reason().strip()));
    }

    @GetMapping("/api/lifecycle/bring-ups/{caseReference}/decisions")
    Map<String, List<BringUpDecision>> decisionsOf(@PathVariable String caseReference) {
        return Map.of("decisions", decisions.of(caseReference));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
