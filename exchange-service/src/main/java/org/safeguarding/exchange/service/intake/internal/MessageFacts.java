package org.safeguarding.exchange.service.intake.internal;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.service.register.EntryFacts;

/**
 * Reads the register's search columns out of each contract record: who a message is addressed to, and the people it
 * names as data subjects.
 */
public final class MessageFacts {

    private MessageFacts() {
    }

    public static EntryFacts of(SpecificRecord message) {
        if (message instanceof ShareRequest r) {
            return new EntryFacts("ShareRequest", r.getCaseReference(), r.getRequesterAgency(),
                    list(r.getRecipientAgency()), r.getRequester() == null ? null : r.getRequester().getName(), null,
                    r.getConsent() == null || r.getConsent().getStatus() == null ? null : r.getConsent().getStatus().name(),
                    r.getOccurredAt(), r.getRecordedBy() == null ? null : r.getRecordedBy().getRecordedAt(),
                    r.getCorrectsMessageId(), r.getRequestId(), List.of());
        }
        if (message instanceof ConsentOutcome c) {
            return new EntryFacts("ConsentOutcome", c.getCaseReference(), c.getAgency(), List.of(), null,
                    null, c.getConsent() == null || c.getConsent().getStatus() == null ? null : c.getConsent().getStatus().name(),
                    c.getOccurredAt(), c.getRecordedBy() == null ? null : c.getRecordedBy().getRecordedAt(),
                    c.getCorrectsMessageId(), c.getRequestId(), list(c.getPersonReference()));
        }
        if (message instanceof ShareDecision d) {
            return new EntryFacts("ShareDecision", d.getCaseReference(), d.getDecidingAgency(),
                    list(d.getRecipientAgency()), null, d.getDecision() == null ? null : d.getDecision().name(),
                    d.getConsent() == null || d.getConsent().getStatus() == null ? null : d.getConsent().getStatus().name(),
                    d.getOccurredAt(), d.getRecordedBy() == null ? null : d.getRecordedBy().getRecordedAt(),
                    d.getCorrectsMessageId(), d.getRequestId(), List.of());
        }
        if (message instanceof HazardNotification h) {
            return new EntryFacts("HazardNotification", h.getCaseReference(), h.getRaisingAgency(),
                    h.getNotifyAgencies() == null ? List.of() : h.getNotifyAgencies().stream().distinct().toList(),
                    null, null, null, h.getOccurredAt(), h.getRecordedBy() == null ? null : h.getRecordedBy().getRecordedAt(),
                    h.getCorrectsMessageId(), null, people(h));
        }
        return new EntryFacts(message.getSchema().getName(), null, null, List.of(), null, null, null, null, null, null, null, List.of());
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** The person presenting the hazard, then the children linked to it, each once. */
    private static List<String> people(HazardNotification h) {
        Set<String> people = new LinkedHashSet<>();
        if (h.getPersonReference() != null) {
            people.add(h.getPersonReference());
        }
        if (h.getLinkedChildren() != null) {
            h.getLinkedChildren().stream().filter(Objects::nonNull).forEach(people::add);
        }
        return List.copyOf(people);
    }
}
