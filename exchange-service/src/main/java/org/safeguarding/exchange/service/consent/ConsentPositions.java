package org.safeguarding.exchange.service.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.safeguarding.exchange.service.policy.ConsentPosition;
import org.safeguarding.exchange.service.policy.KnownConsent;

/**
 * The consent history of cases and where each person's consent stands, derived from accepted consent outcomes
 * alone. For each case and person, the outcome that occurred last wins (equal times: the one recorded later); an
 * outcome named by another's {@code correctsMessageId} is replaced by that correction (contract rule 6: a
 * correction is a new entry naming the one it corrects). A message id is an agency's own (the register keys messages
 * by sender and id), so an outcome is known by its agency and message id, and a correction replaces only an outcome
 * of its own agency. Pure: the entries come from those recorded or from earlier in the batch being admitted.
 */
public final class ConsentPositions implements KnownConsent {

    private static final Comparator<ConsentEntry> BY_OCCURRENCE = Comparator.comparing(ConsentEntry::occurredAt);

    /** Per case, in the order the register holds them (batch entries last). */
    private final Map<String, List<ConsentEntry>> byCase = new HashMap<>();
    private final Set<Sent> seen = new HashSet<>();

    /** An outcome as its agency sent it: its message id is unique among that agency's messages only. */
    private record Sent(String agency, String messageId) {
    }

    public ConsentPositions(List<ConsentEntry> registered) {
        registered.forEach(this::add);
    }

    /** Adds an accepted outcome; the same message twice (a replay, a duplicate) counts once. */
    public void add(ConsentEntry entry) {
        if (seen.add(new Sent(entry.agency(), entry.messageId()))) {
            byCase.computeIfAbsent(entry.caseReference(), c -> new ArrayList<>()).add(entry);
        }
    }

    @Override
    public List<ConsentPosition> positionsAt(String caseReference, Instant at) {
        Map<String, ConsentEntry> newest = new LinkedHashMap<>();
        for (ConsentEntry entry : standing(caseReference)) {
            if (!entry.occurredAt().isAfter(at)) {
                // Entries are in recording order, so on equal times the later-recorded one replaces the earlier.
                newest.merge(Objects.requireNonNullElse(entry.personReference(), ""), entry,
                        (before, next) -> next.occurredAt().isBefore(before.occurredAt()) ? before : next);
            }
        }
        return newest.values().stream().map(ConsentEntry::position).toList();
    }

    /** Each person's position now. */
    public List<ConsentPosition> current(String caseReference) {
        return positionsAt(caseReference, Instant.MAX);
    }

    /** Every accepted outcome of the case in order of occurrence, corrected ones included. */
    public List<ConsentEntry> history(String caseReference) {
        List<ConsentEntry> all = new ArrayList<>(byCase.getOrDefault(caseReference, List.of()));
        all.sort(BY_OCCURRENCE);
        return all;
    }

    /** The message ids of the case's outcomes that a later correction by the same agency replaced. */
    public Set<String> corrected(String caseReference) {
        Set<Sent> corrections = corrections(caseReference);
        Set<String> corrected = new HashSet<>();
        for (ConsentEntry entry : byCase.getOrDefault(caseReference, List.of())) {
            if (corrections.contains(new Sent(entry.agency(), entry.messageId()))) {
                corrected.add(entry.messageId());
            }
        }
        return corrected;
    }

    /** Whether a later correction by the same agency replaced this outcome of the case. */
    public boolean isCorrected(ConsentEntry entry) {
        return corrections(entry.caseReference()).contains(new Sent(entry.agency(), entry.messageId()));
    }

    private Set<Sent> corrections(String caseReference) {
        Set<Sent> corrections = new HashSet<>();
        for (ConsentEntry entry : byCase.getOrDefault(caseReference, List.of())) {
            if (entry.correctsMessageId() != null) {
                corrections.add(new Sent(entry.agency(), entry.correctsMessageId()));
            }
        }
        return corrections;
    }

    private List<ConsentEntry> standing(String caseReference) {
        Set<Sent> corrections = corrections(caseReference);
        return byCase.getOrDefault(caseReference, List.of()).stream()
                .filter(e -> !corrections.contains(new Sent(e.agency(), e.messageId()))).toList();
    }
}
