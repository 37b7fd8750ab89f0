package org.safeguarding.exchange.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterFlags;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import tools.jackson.databind.json.JsonMapper;

/**
 * Register entries written straight through the register (hash-chained, so the register still verifies), past the
 * policy: that is how the compliance report's findings could have got in, and it keeps the tests independent of Kafka.
 */
final class RegisterRows {

    private static final AtomicLong OFFSETS = new AtomicLong();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> message = new LinkedHashMap<>();
    private final String recordType;
    private String caseReference;
    private String from;
    private List<String> to = List.of();
    private String requester;
    private String decision;
    private String consentStatus = "GIVEN";
    private String requestId;
    private Instant occurredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private boolean late;

    private RegisterRows(String recordType) {
        this.recordType = recordType;
    }

    static RegisterRows request(String caseReference, String requestId, String from, String to) {
        RegisterRows row = new RegisterRows("ShareRequest").caseReference(caseReference).from(from).to(to);
        row.requestId = requestId;
        row.requester = "Priya Shah";
        row.message.put("requestId", requestId);
        row.message.put("requester", Map.of("name", "Priya Shah", "jobTitle", "Designated Safeguarding Lead"));
        row.message.put("reason", "Amy told her teacher she is frightened at home");
        return row.consent("GIVEN", null);
    }

    static RegisterRows consentOutcome(String caseReference, String requestId, String agency, String to, String person) {
        RegisterRows row = new RegisterRows("ConsentOutcome").caseReference(caseReference).from(agency).to(to);
        row.requestId = requestId;
        row.message.put("requestId", requestId);
        row.message.put("personReference", person);
        row.message.put("childAge", 13);
        return row.consent("GIVEN", null);
    }

    static RegisterRows decision(String caseReference, String requestId, String from, String to, String decision, String identityOutcome) {
        RegisterRows row = new RegisterRows("ShareDecision").caseReference(caseReference).from(from).to(to);
        row.requestId = requestId;
        row.decision = decision;
        row.message.put("requestId", requestId);
        row.message.put("decision", decision);
        row.message.put("requesterIdentityCheck", identityOutcome == null ? null : Map.of("method", "RING_BACK", "outcome", identityOutcome));
        row.message.put("withheldFromSubject", null);
        return row.consent("GIVEN", null);
    }

    static RegisterRows hazard(String caseReference, String from, List<String> notify, String person, String linkedChild) {
        RegisterRows row = new RegisterRows("HazardNotification").caseReference(caseReference).from(from);
        row.to = notify;
        row.consentStatus = null;
        row.message.put("personReference", person);
        row.message.put("linkedChildren", List.of(linkedChild));
        row.message.put("notifyAgencies", notify);
        return row;
    }

    RegisterRows caseReference(String value) {
        caseReference = value;
        message.put("caseReference", value);
        return this;
    }

    RegisterRows from(String agency) {
        from = agency;
        return this;
    }

    RegisterRows to(String agency) {
        to = List.of(agency);
        return this;
    }

    RegisterRows requester(String name) {
        requester = name;
        message.put("requester", Map.of("name", name));
        return this;
    }

    RegisterRows consent(String status, String reasonWithoutConsent) {
        consentStatus = status;
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("status", status);
        consent.put("reasonWithoutConsent", reasonWithoutConsent);
        message.put("consent", consent);
        return this;
    }

    RegisterRows withheldFromSubject(String reason) {
        message.put("withheldFromSubject", reason);
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

    NewEntry build() {
        message.put("occurredAt", occurredAt.toString());
        String json = JSON.writeValueAsString(message);
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        EntryFacts facts = new EntryFacts(recordType, caseReference, from, to, requester, decision, consentStatus, occurredAt,
                occurredAt.plus(late ? 3 : 0, ChronoUnit.DAYS), null, requestId);
        return new NewEntry(UUID.randomUUID().toString(), new SourceCoordinates("audit-test", 0, OFFSETS.getAndIncrement()),
                Instant.now(), from, EntryOutcome.ACCEPTED, null, payload, sha256(payload), payload.length, json, facts,
                late ? Set.of(RegisterFlags.LATE_ENTRY) : Set.of(), List.of());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
