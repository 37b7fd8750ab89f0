package org.safeguarding.exchange.service.hazards;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardNotification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.service.hazards.internal.CaseAgency;
import org.safeguarding.exchange.service.hazards.internal.CasePerson;
import org.safeguarding.exchange.service.hazards.internal.HazardStore;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryKey;
import org.safeguarding.exchange.service.register.Recorded;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hazards over time (Derby section 4), for intake: one look-up per batch of the hazards its messages act on and of
 * who those hazards reach, and, in the register's own transaction, the hazard states and the people and agencies each
 * case involves, from the entries the register wrote as new. Replays and duplicates write nothing: their effects were
 * written with their first entry, or the transaction that would have written them rolled back with it. For hubs and
 * the deadline rules, the active hazards.
 */
@Service
public class Hazards {

    private final HazardStore store;

    Hazards(HazardStore store) {
        this.store = store;
    }

    /**
     * Looks up, for a whole batch of decoded messages (nulls for those that could not be decoded), the hazards acted
     * on, and the cases and agencies related to the hazards' children. At most three queries, whatever the batch
     * size; none when no message is a hazard.
     */
    @Transactional(readOnly = true)
    public HazardBatch lookUp(List<SpecificRecord> messages) {
        Set<String> hazardIds = new LinkedHashSet<>();
        Set<String> children = new LinkedHashSet<>();
        for (SpecificRecord message : messages) {
            if (message instanceof HazardNotification hazard && hazard.getHazardId() != null) {
                hazardIds.add(hazard.getHazardId());
                if (hazard.getLinkedChildren() != null) {
                    children.addAll(hazard.getLinkedChildren());
                }
            }
        }
        if (hazardIds.isEmpty()) {
            return HazardBatch.empty();
        }
        Map<String, HazardState> hazards = store.hazards(hazardIds);
        Map<String, Set<String>> casesOfPeople = store.casesOfPeople(children);
        Map<String, Set<String>> agenciesOfCases = store.agenciesOfCases(casesHazardsMayReach(messages, casesOfPeople));
        return new HazardBatch(hazards, casesOfPeople, agenciesOfCases);
    }

    /**
     * The cases whose agencies the batch's hazards may be addressed to (see
     * {@link HazardBatch#hazardRecipients}): each hazard's own case, the recorded cases of its linked
     * children, and the cases of consent outcomes in the batch that name one of those children. Only these are read:
     * every case of the batch would mean reading the whole history of cases no hazard is about.
     */
    static Set<String> casesHazardsMayReach(List<SpecificRecord> messages, Map<String, Set<String>> casesOfLinkedChildren) {
        Set<String> cases = new LinkedHashSet<>();
        Set<String> children = new LinkedHashSet<>();
        for (SpecificRecord message : messages) {
            if (message instanceof HazardNotification hazard) {
                if (hazard.getCaseReference() != null) {
                    cases.add(hazard.getCaseReference());
                }
                if (hazard.getLinkedChildren() != null) {
                    children.addAll(hazard.getLinkedChildren());
                }
            }
        }
        casesOfLinkedChildren.values().forEach(cases::addAll);
        for (SpecificRecord message : messages) {
            if (message instanceof ConsentOutcome outcome && outcome.getCaseReference() != null
                    && children.contains(outcome.getPersonReference())) {
                cases.add(outcome.getCaseReference());
            }
        }
        return cases;
    }

    /**
     * Writes the hazard states, and the people and agencies each case involves, of the accepted entries the register
     * wrote as new. Must run in the register's transaction. A hazard that another writer changed since the look-up
     * fails the batch, which is then read again and judged against the new state.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordNew(List<Recorded> recorded, HazardBatch batch) {
        Map<CasePerson, Long> involvements = new LinkedHashMap<>();
        SortedMap<CaseAgency, Long> agencies = new TreeMap<>();
        List<Recorded> hazardEntries = new ArrayList<>();
        for (Recorded r : recorded) {
            if (!r.newlyAccepted()) {
                continue;
            }
            EntryKey key = r.entry().message().key();
            batch.involvements(key).forEach(link -> involvements.putIfAbsent(link, r.entry().sequence()));
            EntryFacts facts = r.entry().message().facts();
            if (facts.caseReference() != null) {
                List<String> involved = new ArrayList<>(facts.recipientAgencies());
                involved.add(facts.sendingAgency());
                involved.stream().filter(Objects::nonNull)
                        .forEach(agency -> agencies.putIfAbsent(new CaseAgency(facts.caseReference(), agency), r.entry().sequence()));
            }
            if (batch.acceptedHazard(key).isPresent()) {
                hazardEntries.add(r);
            }
        }
        if (!involvements.isEmpty()) {
            store.involve(involvements);
        }
        if (!agencies.isEmpty()) {
            store.involveAgencies(agencies);
        }
        if (!hazardEntries.isEmpty()) {
            applyHazardActions(hazardEntries, batch);
        }
    }

    private void applyHazardActions(List<Recorded> hazardEntries, HazardBatch batch) {
        Set<String> ids = new LinkedHashSet<>();
        hazardEntries.forEach(r -> ids.add(batch.acceptedHazard(r.entry().message().key()).orElseThrow().getHazardId()));
        Map<String, HazardState> before = store.hazardsForUpdate(ids);
        for (String id : ids) {
            Long now = before.containsKey(id) ? before.get(id).lastSequence() : null;
            if (!Objects.equals(now, batch.lookedUpSequence(id))) {
                throw new OptimisticLockingFailureException("Hazard " + id + " changed since the batch was checked (register sequence "
                        + batch.lookedUpSequence(id) + ", now " + now + "); the batch is read again and checked anew");
            }
        }
        Map<String, HazardState> after = new HashMap<>(before);
        for (Recorded r : hazardEntries) {
            HazardNotification action = batch.acceptedHazard(r.entry().message().key()).orElseThrow();
            after.put(action.getHazardId(), HazardState.after(after.get(action.getHazardId()), action, r.entry().sequence()));
        }
        store.insertHazards(ids.stream().filter(id -> !before.containsKey(id)).map(after::get).toList());
        store.updateHazards(ids.stream().filter(before::containsKey).map(after::get).toList());
    }

    /** The active hazards raised in the case, or linked to a person the case involves (Derby's "Related Hazard"). */
    @Transactional(readOnly = true)
    public List<HazardState> relatedHazards(String caseReference) {
        return store.relatedHazards(caseReference);
    }

    /** The active hazards whose linked children name this person. */
    @Transactional(readOnly = true)
    public List<HazardState> hazardsOfChild(String personReference) {
        return store.activeHazardsOfChildren(List.of(personReference));
    }

    /** Active hazards, soonest review first; only those due for review before the date when it is given. */
    @Transactional(readOnly = true)
    public List<HazardState> activeHazards(LocalDate dueForReviewBefore) {
        return store.activeHazards(dueForReviewBefore);
    }
}
