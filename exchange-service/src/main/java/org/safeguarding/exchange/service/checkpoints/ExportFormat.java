package org.safeguarding.exchange.service.checkpoints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntryViolation;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verifiable export of the register: JSON Lines, one entry per line in sequence order (which is leaf order),
 * holding every column the entry hash covers, the exact message bytes (base64) and the entry's leaf index (null for
 * an entry committed after the last leaf was given). Hashes are lower-case hex. With a signed checkpoint and the
 * public key, it is all an auditor needs: see CHECKPOINTS.md.
 */
public final class ExportFormat {

    static final String MEDIA_TYPE = "application/x-ndjson";
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

    static ExportedEntry parse(String text) {
        JsonNode n = JSON.readTree(text);
        List<String> flags = new ArrayList<>();
        n.get("flags").forEach(f -> flags.add(f.asString()));
        List<EntryViolation> violations = new ArrayList<>();
        n.get("violations").forEach(v -> violations.add(new EntryViolation(text(v, "field"), text(v, "rule"), text(v, "message"))));
        EntryFacts facts = new EntryFacts(text(n, "recordType"), null, null, List.of(), null, null, null, null, null, null, null);
        NewEntry message = new NewEntry(
                text(n, "messageId"),
                new SourceCoordinates(text(n, "sourceTopic"), n.get("sourcePartition").asInt(), n.get("sourceOffset").asLong()),
                Instant.ofEpochMilli(n.get("receivedAt").asLong()),
                text(n, "sender"),
                EntryOutcome.valueOf(text(n, "outcome")),
                isNull(n, "schemaId") ? null : n.get("schemaId").asInt(),
                isNull(n, "payload") ? null : Base64.getDecoder().decode(text(n, "payload")),
                HEX.parseHex(text(n, "payloadSha256")),
                n.get("payloadSize").asInt(),
                null,
                facts,
                new HashSet<>(flags),
                violations);
        RegisterEntry entry = new RegisterEntry(n.get("sequence").asLong(), text(n, "chainId"), n.get("chainPosition").asLong(),
                HEX.parseHex(text(n, "previousHash")), HEX.parseHex(text(n, "entryHash")), message);
        return new ExportedEntry(isNull(n, "leafIndex") ? null : n.get("leafIndex").asLong(), entry);
    }

    private static boolean isNull(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    private static String text(JsonNode node, String field) {
        return isNull(node, field) ? null : node.get(field).asString();
    }
}
