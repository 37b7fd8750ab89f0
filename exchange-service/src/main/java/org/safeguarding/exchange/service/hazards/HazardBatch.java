package org.safeguarding.exchange.service.hazards;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.service.hazards.internal.CasePerson;
import org.safeguarding.exchange.service.policy.KnownHazards;
import org.safeguarding.exchange.service.register.EntryKey;

/**
 * What one intake batch needs to know of hazards: the state of each hazard acted on and who a hazard reaches,
 * looked up once for the whole batch, then kept up to date, message by message, with what the batch itself accepts,
 * so a message is judged and addressed against the hazard actions and involvements before it in the same batch as
 * well as those already recorded. Also remembers, per message, the state changes to write if the register records
 * that message as new.
 */
public final class HazardBatch {

    private final Map<String, HazardAction> hazardActions;
    /** The last register sequence of each hazard as looked up: the stored state is checked against it before writing. */
    private final Map<String, Long> lookedUpSequences;
    private final Map<String, Set<String>> casesOfPerson;
    private final Map<String, Set<String>> agenciesOfCase;
    private final Map<EntryKey, HazardNotification> acceptedHazards = new LinkedHashMap<>();
    private final Map<EntryKey, List<CasePerson>> involvements = new HashMap<>();

    HazardBatch(Map<String, HazardState> hazards, Map<String, Set<String>> casesOfPerson, Map<String, Set<String>> agenciesOfCase) {
        this.hazardActions = new HashMap<>();
        this.lookedUpSequences = new HashMap<>();
        hazards.forEach((id, state) -> {
            hazardActions.put(id, state.lastAction());
            lookedUpSequences.put(id, state.lastSequence());
        });
        this.casesOfPerson = new HashMap<>();
        casesOfPerson.forEach((person, cases) -> this.casesOfPerson.put(person, new LinkedHashSet<>(cases)));
        this.agenciesOfCase = new HashMap<>();
        agenciesOfCase.forEach((c, agencies) -> this.agenciesOfCase.put(c, new LinkedHashSet<>(agencies)));
    }

    /** No hazard recorded, for a batch with nothing to look up. */
    static HazardBatch empty() {
        return new HazardBatch(Map.of(), Map.of(), Map.of());
    }

    /** The hazards as the recording policy sees them, including what this batch accepted so far. */
    public KnownHazards known() {
        return hazardId -> Optional.ofNullable(hazardActions.get(hazardId));
    }

    /**
     * Who a hazard goes to: its {@code notifyAgencies}, then every agency that has exchanged accepted messages, as
     * sender or recipient, in a case involving one of its linked children (a case one of whose consent outcomes
     * names the child, or in which a hazard linked to the child was raised) or in the hazard's own case; never the
     * raising agency itself, which holds the hazard already.
     */
    public List<String> hazardRecipients(HazardNotification hazard) {
        Set<String> cases = new LinkedHashSet<>();
        cases.add(hazard.getCaseReference());
        for (String child : hazard.getLinkedChildren()) {
            cases.addAll(casesOfPerson.getOrDefault(child, Set.of()));
        }
        Set<String> related = new TreeSet<>();
        for (String c : cases) {
            related.addAll(agenciesOfCase.getOrDefault(c, Set.of()));
        }
        Set<String> recipients = new LinkedHashSet<>(hazard.getNotifyAgencies());
        recipients.addAll(related);
        recipients.remove(hazard.getRaisingAgency());
        return List.copyOf(recipients);
    }

    /**
     * Takes in a message the policy accepted, as sent by {@code sendingAgency} to {@code recipients}, so the
     * messages after it in the batch are judged and addressed with it counted. A message the register would take for
     * one seen before (the same {@link EntryKey}) counts once.
     */
    public void accepted(EntryKey key, SpecificRecord message, String caseReference, String sendingAgency,
            List<String> recipients) {
        if (involvements.containsKey(key)) {
            return;
        }
        List<CasePerson> involved = new ArrayList<>();
        if (message instanceof ConsentOutcome outcome) {
            if (outcome.getPersonReference() != null) {
                involved.add(new CasePerson(outcome.getCaseReference(), outcome.getPersonReference()));
            }
        } else if (message instanceof HazardNotification hazard) {
            hazardActions.put(hazard.getHazardId(), hazard.getAction());
            acceptedHazards.put(key, hazard);
            hazard.getLinkedChildren().forEach(child -> involved.add(new CasePerson(hazard.getCaseReference(), child)));
        }
        involvements.put(key, involved);
        for (CasePerson link : involved) {
            casesOfPerson.computeIfAbsent(link.personReference(), p -> new LinkedHashSet<>()).add(link.caseReference());
        }
        if (caseReference != null) {
            Set<String> agencies = agenciesOfCase.computeIfAbsent(caseReference, c -> new LinkedHashSet<>());
            if (sendingAgency != null) {
                agencies.add(sendingAgency);
            }
            agencies.addAll(recipients);
        }
    }

    Optional<HazardNotification> acceptedHazard(EntryKey key) {
        return Optional.ofNullable(acceptedHazards.get(key));
    }

    List<CasePerson> involvements(EntryKey key) {
        return involvements.getOrDefault(key, List.of());
    }

    /** The hazard's last sequence when the batch was looked up; null if it was not raised then. */
    Long lookedUpSequence(String hazardId) {
        return lookedUpSequences.get(hazardId);
    }
}
