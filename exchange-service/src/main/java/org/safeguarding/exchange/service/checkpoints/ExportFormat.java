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
 * an entry committed after the last leaf was given). Hashes are lower-case hex. With a signed checkpoint and the
 * public key, it is all an auditor needs: see CHECKPOINTS.md.
 */
public final class ExportFormat {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private ExportFormat() {
    }

    /** An entry as read back from an export line. */
    record ExportedEntry(Long leafIndex, RegisterEntry entry) {
    }

    public static String line(Long leafIndex, RegisterEntry e) {
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
        EntryFacts facts = new EntryFacts(l.recordType, null, null, List.of(), null, null, null, null, null, null, null);
        NewEntry message = new NewEntry(l.messageId, new SourceCoordinates(l.sourceTopic, l.sourcePartition, l.sourceOffset),
                l.receivedAt, l.sender, l.outcome, l.schemaId, l.payload, l.payloadSha256, l.payloadSize, null, facts,
                new HashSet<>(l.flags), l.violations);
        RegisterEntry entry = new RegisterEntry(l.sequence, l.chainId, l.chainPosition, l.previousHash, l.entryHash, message);
        return new ExportedEntry(l.leafIndex, entry);
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
