package org.safeguarding.exchange.service.intake.internal;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.service.register.EntryFacts;

/** Reads the register's search columns, and who a message is addressed to, out of each contract record. */
public final class MessageFacts {

    private MessageFacts() {
    }

    public static EntryFacts of(SpecificRecord message) {
        if (message instanceof ShareRequest r) {
            return new EntryFacts("ShareRequest", r.getCaseReference(), r.getRequesterAgency(),
                    list(r.getRecipientAgency()), r.getRequester() == null ? null : r.getRequester().getName(), null,
                    r.getConsent() == null || r.getConsent().getStatus() == null ? null : r.getConsent().getStatus().name(),
                    r.getOccurredAt(), r.getRecordedBy() == null ? null : r.getRecordedBy().getRecordedAt(),
                    r.getCorrectsMessageId(), r.getRequestId());
        }
        if (message instanceof ConsentOutcome c) {
            return new EntryFacts("ConsentOutcome", c.getCaseReference(), c.getAgency(), List.of(), null,
                    null, c.getConsent() == null || c.getConsent().getStatus() == null ? null : c.getConsent().getStatus().name(),
                    c.getOccurredAt(), c.getRecordedBy() == null ? null : c.getRecordedBy().getRecordedAt(),
                    c.getCorrectsMessageId(), c.getRequestId());
        }
        if (message instanceof ShareDecision d) {
            return new EntryFacts("ShareDecision", d.getCaseReference(), d.getDecidingAgency(),
                    list(d.getRecipientAgency()), null, d.getDecision() == null ? null : d.getDecision().name(),
                    d.getConsent() == null || d.getConsent().getStatus() == null ? null : d.getConsent().getStatus().name(),
                    d.getOccurredAt(), d.getRecordedBy() == null ? null : d.getRecordedBy().getRecordedAt(),
                    d.getCorrectsMessageId(), d.getRequestId());
        }
        if (message instanceof HazardNotification h) {
            return new EntryFacts("HazardNotification", h.getCaseReference(), h.getRaisingAgency(),
                    h.getNotifyAgencies() == null ? List.of() : h.getNotifyAgencies().stream().distinct().toList(),
                    null, null, null, h.getOccurredAt(), h.getRecordedBy() == null ? null : h.getRecordedBy().getRecordedAt(),
                    h.getCorrectsMessageId(), null);
        }
        return new EntryFacts(message.getSchema().getName(), null, null, List.of(), null, null, null, null, null, null, null);
    }

    private static List<String> list(String agency) {
        return agency == null ? List.of() : List.of(agency);
    }
}
