package org.safeguarding.exchange.service.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.register.EntryView;

/**
 * A case across agencies: each request with the consent outcomes and decisions that answer it (linked by requestId),
 * and the entries that belong to no request (hazards, proactive disclosures) apart.
 *
 * @param entries how many entries the case has in the register as the caller may see it
 */
public record CaseTimeline(String caseReference, int entries, List<RequestThread> requests, List<EntryView> notLinkedToARequest) {

    public record RequestThread(String requestId, List<EntryView> requests, List<EntryView> consentOutcomes, List<EntryView> decisions,
            List<EntryView> other) {
    }

    /** Groups a case's entries, in register order, by the request each belongs to. */
    public static CaseTimeline of(String caseReference, List<EntryView> entries) {
        Map<String, List<EntryView>> byRequest = new LinkedHashMap<>();
        List<EntryView> unlinked = new ArrayList<>();
        for (EntryView entry : entries) {
            String requestId = requestId(entry);
            if (requestId == null) {
                unlinked.add(entry);
            } else {
                byRequest.computeIfAbsent(requestId, id -> new ArrayList<>()).add(entry);
            }
        }
        List<RequestThread> threads = byRequest.entrySet().stream().map(e -> thread(e.getKey(), e.getValue())).toList();
        return new CaseTimeline(caseReference, entries.size(), threads, unlinked);
    }

    /** The request an entry belongs to; the register keeps it for requests, consent outcomes and decisions that name one. */
    static String requestId(EntryView entry) {
        return entry.requestId() == null || entry.requestId().isBlank() ? null : entry.requestId();
    }

    private static RequestThread thread(String requestId, List<EntryView> entries) {
        List<EntryView> requests = new ArrayList<>();
        List<EntryView> consents = new ArrayList<>();
        List<EntryView> decisions = new ArrayList<>();
        List<EntryView> other = new ArrayList<>();
        for (EntryView e : entries) {
            switch (String.valueOf(e.recordType())) {
                case "ShareRequest" -> requests.add(e);
                case "ConsentOutcome" -> consents.add(e);
                case "ShareDecision" -> decisions.add(e);
                default -> other.add(e);
            }
        }
        return new RequestThread(requestId, requests, consents, decisions, other);
    }
}
