package org.safeguarding.exchange.service.deadlines;

import exchange.v1.ShareRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.service.deadlines.internal.ActiveHazard;
import org.safeguarding.exchange.service.deadlines.internal.CaseContact;
import org.safeguarding.exchange.service.deadlines.internal.DeadlineFactStore.Answers;
import org.safeguarding.exchange.service.deadlines.internal.DeadlineFactStore.Contact;
import org.safeguarding.exchange.service.deadlines.internal.DeadlineFactStore.RequestKey;
import org.safeguarding.exchange.service.deadlines.internal.DeadlineFactStore.RequestVersion;
import org.safeguarding.exchange.service.deadlines.internal.DeadlineFactStore;
import org.safeguarding.exchange.service.deadlines.internal.OpenRequest;
import org.safeguarding.exchange.service.hazards.Hazards;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryKey;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.Recorded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the deadline rules need: the requests still open, the active hazards and the last contact on each case. Requests
 * and contacts are kept in the deadline module's own tables, written in the register's own transaction from the
 * entries it wrote as new, so that nothing read can disagree with the register, a replayed message changes nothing,
 * and a reminder run reads only what can be due: not the whole register, nor every open request or case. Hazards are
 * the hazards module's.
 */
@Component
public class DeadlineFacts {

    private static final Comparator<Contact> LATER_CONTACT = Comparator.comparing(Contact::lastContactAt)
            .thenComparingLong(Contact::lastSequence);

    private final DeadlineFactStore store;
    private final Hazards hazards;

    DeadlineFacts(DeadlineFactStore store, Hazards hazards) {
        this.store = store;
        this.hazards = hazards;
    }

    /**
     * Takes in the accepted entries the register wrote as new: each request as its latest accepted version states it,
     * the agencies whose decisions answer a request (registered before or after it), and each case's latest contact.
     * Must run in the register's transaction; replays and duplicates change nothing. Rows are written in key order, so
     * two writers that touch the same rows lock them in the same order.
     *
     * @param messages the decoded message of each entry judged in this batch, by the register's key
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordNew(List<Recorded> recorded, Map<EntryKey, SpecificRecord> messages) {
        SortedMap<RequestKey, Recorded> latestRequests = new TreeMap<>();
        SortedMap<RequestKey, SortedSet<String>> answers = new TreeMap<>();
        SortedMap<String, Contact> contacts = new TreeMap<>();
        for (Recorded r : recorded) {
            if (!r.newlyAccepted()) {
                continue;
            }
            long sequence = r.entry().sequence();
            EntryFacts facts = r.entry().message().facts();
            if ("ShareRequest".equals(facts.recordType()) && facts.requestId() != null && facts.sendingAgency() != null
                    && !facts.recipientAgencies().isEmpty()) {
                latestRequests.merge(new RequestKey(facts.sendingAgency(), facts.requestId()), r,
                        (before, next) -> next.entry().sequence() > before.entry().sequence() ? next : before);
            }
            if ("ShareDecision".equals(facts.recordType()) && facts.requestId() != null && facts.sendingAgency() != null) {
                for (String requester : facts.recipientAgencies()) {
                    answers.computeIfAbsent(new RequestKey(requester, facts.requestId()), k -> new TreeSet<>()).add(facts.sendingAgency());
                }
            }
            if (facts.caseReference() != null && facts.sendingAgency() != null) {
                contacts.merge(facts.caseReference(), new Contact(facts.caseReference(), happenedAt(r.entry().message()),
                        facts.sendingAgency(), sequence), (before, next) -> LATER_CONTACT.compare(next, before) > 0 ? next : before);
            }
        }
        if (!latestRequests.isEmpty()) {
            store.writeRequests(latestRequests.entrySet().stream()
                    .map(e -> requestVersion(e.getKey(), e.getValue(), messages.get(e.getValue().entry().message().key()))).toList());
        }
        if (!answers.isEmpty()) {
            store.writeAnswers(answers.entrySet().stream().map(e -> new Answers(e.getKey(), List.copyOf(e.getValue()))).toList());
        }
        if (!contacts.isEmpty()) {
            store.writeContacts(List.copyOf(contacts.values()));
        }
    }

    private static RequestVersion requestVersion(RequestKey key, Recorded request, SpecificRecord decoded) {
        NewEntry message = request.entry().message();
        return new RequestVersion(key, message.facts().caseReference(), message.facts().recipientAgencies().get(0),
                happenedAt(message), decoded instanceof ShareRequest shareRequest && shareRequest.getUrgent(), request.entry().sequence());
    }

    /** When the entry's event happened: its occurredAt, or when it was received if it names none. */
    private static Instant happenedAt(NewEntry message) {
        return message.facts().occurredAt() != null ? message.facts().occurredAt() : message.receivedAt();
    }

    /**
     * Accepted requests with no accepted ShareDecision from their recipient, addressed to their requester, naming
     * their requestId, as their latest accepted version states them; only those made before {@code requestedBefore}
     * when it is given.
     */
    List<OpenRequest> openRequests(Instant requestedBefore) {
        return store.openRequests(requestedBefore);
    }

    /** The hazards not withdrawn whose review date is on or before {@code reviewDueBy}, with the agency that raised each. */
    List<ActiveHazard> activeHazards(LocalDate reviewDueBy) {
        return hazards.activeHazards(reviewDueBy.plusDays(1)).stream()
                .map(h -> new ActiveHazard(h.hazardId(), h.caseReference(), h.raisingAgency(), h.reviewDue())).toList();
    }

    /**
     * The cases whose latest accepted entry happened before {@code quietSince}: when it happened, which agency sent
     * it, and the case's latest bring-up decision.
     */
    List<CaseContact> caseContactsQuietSince(Instant quietSince) {
        return store.caseContactsQuietSince(quietSince);
    }
}
