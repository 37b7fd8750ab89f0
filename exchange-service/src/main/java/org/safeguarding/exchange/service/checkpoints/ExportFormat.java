package org.safeguarding.exchange.service.checkpoints;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntrySignature;
import org.safeguarding.exchange.service.register.EntryViolation;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verifiable export of the register: JSON Lines, one entry per line in sequence order (which is leaf order),
 * holding every column the entry hash covers, the exact message bytes (base64) and the entry's leaf index (null for
 * an entry committed after the last leaf was given). The first entry naming a schema also holds that schema's text
 * ({@code "schema"}), whose SHA-256 the entries naming it record: with it, the auditor reads each message from its
 * bytes. Hashes are lower-case hex, byte strings base64, times milliseconds since
 * the epoch (microseconds for occurred and recorded times, as the register keeps them). With a signed checkpoint and
 * the public key, it is all an auditor needs: see CHECKPOINTS.md.
 */
public final class ExportFormat {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private ExportFormat() {
    }

    /**
     * An entry as read back from an export line.
     *
     * @param schema the text of the schema the entry names, on the first entry naming it; null on the others
     */
    record ExportedEntry(Long leafIndex, RegisterEntry entry, String schema) {
    }

    public static String line(Long leafIndex, RegisterEntry e) {
        return line(leafIndex, e, null);
    }

    /** @param schema the text of the schema the entry names, given with the first entry naming it, or null */
    public static String line(Long leafIndex, RegisterEntry e, String schema) {
        NewEntry m = e.message();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("leafIndex", leafIndex);
        line.put("sequence", e.sequence());
        line.put("chainId", e.chainId());
        line.put("chainPosition", e.chainPosition());
        line.put("previousHash", HEX.formatHex(e.previousHash()));
        line.put("entryHash", HEX.formatHex(e.entryHash()));
        line.put("messageId", m.messageId());
        line.put("outcome", m.outcome().name());
        line.put("recordType", m.facts().recordType());
        line.put("sourceTopic", m.source().topic());
        line.put("sourcePartition", m.source().partition());
        line.put("sourceOffset", m.source().offset());
        line.put("sender", m.sender());
        line.put("receivedAt", m.receivedAt().toEpochMilli());
        line.put("flags", m.flags().stream().sorted().toList());
        line.put("violations", m.violations().stream()
                .map(v -> { // keeps nulls, which a Map.of would refuse
                    Map<String, String> violation = new LinkedHashMap<>();
                    violation.put("field", v.field());
                    violation.put("rule", v.rule());
                    violation.put("message", v.message());
                    return violation;
                }).toList());
        line.put("schemaId", m.schemaId());
        line.put("payloadSize", m.payloadSize());
        line.put("payloadSha256", HEX.formatHex(m.payloadSha256()));
        line.put("payload", m.payload() == null ? null : Base64.getEncoder().encodeToString(m.payload()));
        line.put("entryVersion", e.entryVersion());
        if (e.entryVersion() >= 2) {
            EntryFacts f = m.facts();
            line.put("caseReference", f.caseReference());
            line.put("sendingAgency", f.sendingAgency());
            line.put("recipientAgencies", f.recipientAgencies());
            line.put("requesterName", f.requesterName());
            line.put("decision", f.decision());
            line.put("consentStatus", f.consentStatus());
            line.put("occurredAt", micros(f.occurredAt()));
            line.put("recordedAt", micros(f.recordedAt()));
            line.put("correctsMessageId", f.correctsMessageId());
            line.put("requestId", f.requestId());
            line.put("personReferences", f.personReferences());
            line.put("provenSender", m.provenSender());
            EntrySignature s = m.signature();
            if (s != null) {
                Map<String, Object> signature = new LinkedHashMap<>();
                signature.put("keyId", s.keyId());
                signature.put("signedAt", s.signedAt().toEpochMilli());
                signature.put("value", Base64.getEncoder().encodeToString(s.value()));
                line.put("signature", signature);
            } else {
                line.put("signature", null);
            }
            line.put("schemaSha256", e.schemaSha256() == null ? null : HEX.formatHex(e.schemaSha256()));
        }
        if (schema != null) {
            line.put("schema", schema);
        }
        return JSON.writeValueAsString(line);
    }

    /**
     * Reads one line back. Streams through the line's fields rather than building a tree: an auditor's machine parses
     * a million of these to verify a register, and this is most of that work.
     */
    static ExportedEntry parse(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return parse(utf8, 0, utf8.length);
    }

    /** As {@link #parse(String)}, from the line's UTF-8 bytes: the offline verifier never makes a String of a line. */
    static ExportedEntry parse(byte[] data, int offset, int length) {
        Line l = new Line();
        Supplier<String> text = () -> new String(data, offset, length, StandardCharsets.UTF_8);
        try (JsonParser p = JSON.createParser(data, offset, length)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, text);
            for (String field = p.nextName(); field != null; field = p.nextName()) {
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "leafIndex" -> l.leafIndex = p.getLongValue();
                    case "sequence" -> l.sequence = p.getLongValue();
                    case "chainId" -> l.chainId = p.getString();
                    case "chainPosition" -> l.chainPosition = p.getLongValue();
                    case "previousHash" -> l.previousHash = HEX.parseHex(p.getString());
                    case "entryHash" -> l.entryHash = HEX.parseHex(p.getString());
                    case "messageId" -> l.messageId = p.getString();
                    case "outcome" -> l.outcome = EntryOutcome.valueOf(p.getString());
                    case "recordType" -> l.recordType = p.getString();
                    case "sourceTopic" -> l.sourceTopic = p.getString();
                    case "sourcePartition" -> l.sourcePartition = p.getIntValue();
                    case "sourceOffset" -> l.sourceOffset = p.getLongValue();
                    case "sender" -> l.sender = p.getString();
                    case "receivedAt" -> l.receivedAt = Instant.ofEpochMilli(p.getLongValue());
                    case "flags" -> {
                        expect(value, JsonToken.START_ARRAY, text);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            l.flags.add(p.getString());
                        }
                    }
                    case "violations" -> {
                        expect(value, JsonToken.START_ARRAY, text);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            Map<String, String> v = new HashMap<>();
                            for (String name = p.nextName(); name != null; name = p.nextName()) {
                                v.put(name, p.nextToken() == JsonToken.VALUE_NULL ? null : p.getString());
                            }
                            l.violations.add(new EntryViolation(v.get("field"), v.get("rule"), v.get("message")));
                        }
                    }
                    case "schemaId" -> l.schemaId = p.getIntValue();
                    case "payloadSize" -> l.payloadSize = p.getIntValue();
                    case "payloadSha256" -> l.payloadSha256 = HEX.parseHex(p.getString());
                    case "payload" -> l.payload = p.getBinaryValue(); // standard base64, decoded without an intermediate String
                    case "entryVersion" -> l.entryVersion = p.getIntValue();
                    case "caseReference" -> l.caseReference = p.getString();
                    case "sendingAgency" -> l.sendingAgency = p.getString();
                    case "recipientAgencies" -> strings(p, value, l.recipientAgencies, text);
                    case "requesterName" -> l.requesterName = p.getString();
                    case "decision" -> l.decision = p.getString();
                    case "consentStatus" -> l.consentStatus = p.getString();
                    case "occurredAt" -> l.occurredAt = instant(p.getLongValue());
                    case "recordedAt" -> l.recordedAt = instant(p.getLongValue());
                    case "correctsMessageId" -> l.correctsMessageId = p.getString();
                    case "requestId" -> l.requestId = p.getString();
                    case "personReferences" -> strings(p, value, l.personReferences, text);
                    case "provenSender" -> l.provenSender = p.getString();
                    case "signature" -> {
                        expect(value, JsonToken.START_OBJECT, text);
                        Map<String, Object> s = new HashMap<>();
                        for (String name = p.nextName(); name != null; name = p.nextName()) {
                            JsonToken token = p.nextToken();
                            s.put(name, token == JsonToken.VALUE_NULL ? null : token == JsonToken.VALUE_NUMBER_INT ? p.getLongValue()
                                    : p.getString());
                        }
                        if (!(s.get("keyId") instanceof String keyId) || !(s.get("signedAt") instanceof Long signedAt)
                                || !(s.get("value") instanceof String signature)) {
                            throw new IllegalArgumentException("an exported signature lacks its keyId, signedAt or value: "
                                    + abbreviated(text.get()));
                        }
                        l.signature = new EntrySignature(keyId, Instant.ofEpochMilli(signedAt), Base64.getDecoder().decode(signature));
                    }
                    case "schemaSha256" -> l.schemaSha256 = HEX.parseHex(p.getString());
                    case "schema" -> l.schemaText = p.getString();
                    default -> p.skipChildren();
                }
            }
        }
        for (Object required : new Object[] {l.sequence, l.chainId, l.chainPosition, l.previousHash, l.entryHash, l.outcome,
                l.sourceTopic, l.sourcePartition, l.sourceOffset, l.receivedAt, l.payloadSize, l.payloadSha256}) {
            if (required == null) {
                throw new IllegalArgumentException("an exported entry lacks a field it must have: " + abbreviated(text.get()));
            }
        }
        // An export made before entries had versions holds version 1 entries only.
        int version = l.entryVersion == null ? 1 : l.entryVersion;
        EntryFacts facts = new EntryFacts(l.recordType, l.caseReference, l.sendingAgency, l.recipientAgencies, l.requesterName,
                l.decision, l.consentStatus, l.occurredAt, l.recordedAt, l.correctsMessageId, l.requestId, l.personReferences);
        NewEntry message = new NewEntry(l.messageId, new SourceCoordinates(l.sourceTopic, l.sourcePartition, l.sourceOffset),
                l.receivedAt, l.sender, l.outcome, l.schemaId, l.payload, l.payloadSha256, l.payloadSize, facts,
                new HashSet<>(l.flags), l.violations, l.provenSender, l.signature);
        RegisterEntry entry = new RegisterEntry(l.sequence, l.chainId, l.chainPosition, l.previousHash, l.entryHash, message, version,
                l.schemaSha256);
        return new ExportedEntry(l.leafIndex, entry, l.schemaText);
    }

    /** The fields of one line as they are read. */
    private static final class Line {
        Long leafIndex;
        Long sequence;
        String chainId;
        Long chainPosition;
        byte[] previousHash;
        byte[] entryHash;
        String messageId;
        EntryOutcome outcome;
        String recordType;
        String sourceTopic;
        Integer sourcePartition;
        Long sourceOffset;
        String sender;
        Instant receivedAt;
        final List<String> flags = new ArrayList<>();
        final List<EntryViolation> violations = new ArrayList<>();
        Integer schemaId;
        Integer payloadSize;
        byte[] payloadSha256;
        byte[] payload;
        Integer entryVersion;
        String caseReference;
        String sendingAgency;
        final List<String> recipientAgencies = new ArrayList<>();
        String requesterName;
        String decision;
        String consentStatus;
        Instant occurredAt;
        Instant recordedAt;
        String correctsMessageId;
        String requestId;
        final List<String> personReferences = new ArrayList<>();
        String provenSender;
        EntrySignature signature;
        byte[] schemaSha256;
        String schemaText;
    }

    private static void strings(JsonParser p, JsonToken value, List<String> into, Supplier<String> text) {
        expect(value, JsonToken.START_ARRAY, text);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            into.add(p.getString());
        }
    }

    /** Microseconds since the epoch: the precision the register keeps occurred and recorded times in. */
    private static Long micros(Instant t) {
        return t == null ? null : Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static void expect(JsonToken found, JsonToken expected, Supplier<String> text) {
        if (found != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + found + " in " + abbreviated(text.get()));
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
