package org.safeguarding.exchange.service.audit;

import exchange.v1.ConsentOutcome;
import exchange.v1.ConsentStatus;
import exchange.v1.Decision;
import exchange.v1.HazardNotification;
import exchange.v1.IdentityCheck;
import exchange.v1.IdentityCheckOutcome;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecordBase;
import org.safeguarding.exchange.service.intake.internal.MessageFacts;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterFlags;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import org.safeguarding.exchange.service.testing.MessageBytes;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * Register entries written straight through the register (hash-chained, so the register still verifies), past the
 * policy: that is how the compliance report's findings could have got in, and it keeps the tests independent of Kafka.
 * Each holds a real contract message as its exact bytes, from which readers are shown it.
 */
final class RegisterRows {

    private static final AtomicLong OFFSETS = new AtomicLong();

    private final SpecificRecordBase message;
    private final String from;
    private List<String> to;
    private Instant occurredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private boolean late;

    private RegisterRows(SpecificRecordBase message, String from, List<String> to) {
        this.message = message;
        this.from = from;
        this.to = to;
    }

    static RegisterRows request(String caseReference, String requestId, String from, String to) {
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference(caseReference);
        request.setRequestId(requestId);
        request.setRequesterAgency(from);
        request.setRecipientAgency(to);
        request.getRequester().setName("Priya Shah");
        request.getRequester().setJobTitle("Designated Safeguarding Lead");
        request.setReason("Amy told her teacher she is frightened at home");
        return new RegisterRows(request, from, List.of(to)).consent("GIVEN", null);
    }

    static RegisterRows consentOutcome(String caseReference, String requestId, String agency, String to, String person) {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setCaseReference(caseReference);
        outcome.setRequestId(requestId);
        outcome.setAgency(agency);
        outcome.setPersonReference(person);
        outcome.setChildAge(13);
        return new RegisterRows(outcome, agency, List.of(to)).consent("GIVEN", null);
    }

    static RegisterRows decision(String caseReference, String requestId, String from, String to, String decision, String identityOutcome) {
        ShareDecision answer = SampleRecords.shareDecision();
        answer.setCaseReference(caseReference);
        answer.setRequestId(requestId);
        answer.setDecidingAgency(from);
        answer.setRecipientAgency(to);
        answer.setDecision(Decision.valueOf(decision));
        IdentityCheck check = identityOutcome == null ? null : SampleRecords.ringBackConfirmed("Tom Barker");
        if (check != null) {
            check.setOutcome(IdentityCheckOutcome.valueOf(identityOutcome));
        }
        answer.setRequesterIdentityCheck(check);
        answer.setWithheldFromSubject(null);
        return new RegisterRows(answer, from, List.of(to)).consent("GIVEN", null);
    }

    static RegisterRows hazard(String caseReference, String from, List<String> notify, String person, String linkedChild) {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setCaseReference(caseReference);
        hazard.setRaisingAgency(from);
        hazard.setNotifyAgencies(notify);
        hazard.setPersonReference(person);
        hazard.setLinkedChildren(List.of(linkedChild));
        return new RegisterRows(hazard, from, notify);
    }

    RegisterRows requester(String name) {
        ((ShareRequest) message).getRequester().setName(name);
        return this;
    }

    RegisterRows consent(String status, String reasonWithoutConsent) {
        message.put("consent", status.equals("GIVEN") && reasonWithoutConsent == null ? SampleRecords.consentGiven()
                : SampleRecords.withoutConsent(ConsentStatus.valueOf(status), reasonWithoutConsent));
        return this;
    }

    RegisterRows withheldFromSubject(String reason) {
        ((ShareDecision) message).setWithheldFromSubject(reason);
        return this;
    }

    RegisterRows occurredAt(Instant when) {
        occurredAt = when.truncatedTo(ChronoUnit.MILLIS);
        return this;
    }

    RegisterRows late() {
        late = true;
        occurredAt = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        return this;
    }

    NewEntry build(MessageBytes bytes) {
        message.put("occurredAt", occurredAt);
        message.put("recordedBy", SampleRecords.recordedBy("Priya Shah", "Designated Safeguarding Lead"));
        ((exchange.v1.RecordedBy) message.get("recordedBy")).setRecordedAt(occurredAt.plus(late ? 3 : 0, ChronoUnit.DAYS));
        byte[] payload = bytes.encode(message);
        EntryFacts facts = MessageFacts.of(message).withRecipients(to);
        return new NewEntry(UUID.randomUUID().toString(), new SourceCoordinates("audit-test", 0, OFFSETS.getAndIncrement()),
                Instant.now(), from, EntryOutcome.ACCEPTED, MessageBytes.schemaId(payload), payload, EntryEncoding.sha256(payload),
                payload.length, facts, late ? Set.of(RegisterFlags.LATE_ENTRY) : Set.of(), List.of(), null, null);
    }
}
