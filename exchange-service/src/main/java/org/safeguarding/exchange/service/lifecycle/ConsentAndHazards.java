package org.safeguarding.exchange.service.lifecycle;

import exchange.v1.Consent;
import exchange.v1.ConsentOutcome;
import exchange.v1.ConsentStatus;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
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
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.Recorded;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent and hazards over time, for intake: one look-up per batch of what the batch's messages are judged and
 * addressed against, and, in the register's own transaction, the hazard states and case involvements of the
 * entries the register wrote as new. Replays and duplicates write nothing: their effects were written with their
 * first entry, or the transaction that would have written them rolled back with it.
 */
@Service
public class ConsentAndHazards {

    private final ConsentHazardStore store;

    ConsentAndHazards(ConsentHazardStore store) {
        this.store = store;
    }

    /**
     * Looks up, for a whole batch of decoded messages (nulls for those that could not be decoded), the consent
     * outcomes of the cases in which consent is claimed, the hazards acted on, and the cases and agencies related to
     * the hazards' children. At most four queries, whatever the batch size; none when nothing needs them.
     */
    @Transactional(readOnly = true)
    public ConsentAndHazardBatch lookUp(List<SpecificRecord> messages) {
        Set<String> consentCases = new LinkedHashSet<>();
        Set<String> hazardIds = new LinkedHashSet<>();
        Set<String> children = new LinkedHashSet<>();
        for (SpecificRecord message : messages) {
            if (message == null) {
                continue;
            }
            String caseReference = field(message, "caseReference") instanceof CharSequence c ? c.toString() : null;
            if ((message instanceof ShareRequest || message instanceof ShareDecision) && caseReference != null
                    && field(message, "consent") instanceof Consent consent && consent.getStatus() == ConsentStatus.GIVEN) {
                consentCases.add(caseReference);
            } else if (message instanceof HazardNotification hazard && hazard.getHazardId() != null) {
                hazardIds.add(hazard.getHazardId());
                if (hazard.getLinkedChildren() != null) {
                    children.addAll(hazard.getLinkedChildren());
                }
            }
        }
        if (consentCases.isEmpty() && hazardIds.isEmpty()) {
            return ConsentAndHazardBatch.empty();
        }
        ConsentPositions consent = new ConsentPositions(store.consentEntries(consentCases));
        Map<String, HazardState> hazards = store.hazards(hazardIds);
        Map<String, Set<String>> casesOfPeople = store.casesOfPeople(children);
        Map<String, Set<String>> agenciesOfCases = Map.of();
        if (!hazardIds.isEmpty()) {
            agenciesOfCases = store.agenciesOfCases(casesHazardsMayReach(messages, casesOfPeople));
        }
        return new ConsentAndHazardBatch(consent, hazards, casesOfPeople, agenciesOfCases);
    }

    /**
     * The cases whose agencies the batch's hazards may be addressed to (see
     * {@link ConsentAndHazardBatch#hazardRecipients}): each hazard's own case, the register's cases of its linked
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

    private static Object field(SpecificRecord message, String name) {
        Schema.Field field = message.getSchema().getField(name);
        return field == null ? null : message.get(field.pos());
    }

    /**
     * Writes the hazard states, and the people and agencies each case involves, of the accepted entries the register
     * wrote as new. Must run in the register's transaction. A hazard that another writer changed since the look-up
     * fails the batch, which is then read again and judged against the new state.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordNew(List<Recorded> recorded, ConsentAndHazardBatch batch) {
        Map<CasePerson, Long> involvements = new LinkedHashMap<>();
        SortedMap<CaseAgency, Long> agencies = new TreeMap<>();
        List<Recorded> hazardEntries = new ArrayList<>();
        for (Recorded r : recorded) {
            if (!r.newlyAccepted()) {
                continue;
            }
            String messageId = r.entry().message().messageId();
            batch.involvements(messageId).forEach(link -> involvements.putIfAbsent(link, r.entry().sequence()));
            EntryFacts facts = r.entry().message().facts();
            if (facts.caseReference() != null) {
                List<String> involved = new ArrayList<>(facts.recipientAgencies());
                involved.add(facts.sendingAgency());
                involved.stream().filter(Objects::nonNull)
                        .forEach(agency -> agencies.putIfAbsent(new CaseAgency(facts.caseReference(), agency), r.entry().sequence()));
            }
            if (batch.acceptedHazard(messageId).isPresent()) {
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

    private void applyHazardActions(List<Recorded> hazardEntries, ConsentAndHazardBatch batch) {
        Set<String> ids = new LinkedHashSet<>();
        hazardEntries.forEach(r -> ids.add(batch.acceptedHazard(r.entry().message().messageId()).orElseThrow().getHazardId()));
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
            HazardNotification action = batch.acceptedHazard(r.entry().message().messageId()).orElseThrow();
            after.put(action.getHazardId(), HazardState.after(after.get(action.getHazardId()), action, r.entry().sequence()));
        }
        store.insertHazards(ids.stream().filter(id -> !before.containsKey(id)).map(after::get).toList());
        store.updateHazards(ids.stream().filter(before::containsKey).map(after::get).toList());
    }

    /** The consent positions and history of one case, from the register. */
    @Transactional(readOnly = true)
    public ConsentPositions consentOf(String caseReference) {
        return new ConsentPositions(store.consentEntries(List.of(caseReference)));
    }

    @Transactional(readOnly = true)
    public List<HazardState> relatedHazards(String caseReference) {
        return store.relatedHazards(caseReference);
    }

    @Transactional(readOnly = true)
    public List<HazardState> hazardsOfChild(String personReference) {
        return store.activeHazardsOfChildren(List.of(personReference));
    }

    @Transactional(readOnly = true)
    public List<HazardState> activeHazards(LocalDate dueForReviewBefore) {
        return store.activeHazards(dueForReviewBefore);
    }
}
