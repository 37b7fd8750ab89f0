package org.safeguarding.exchange.connect.filedrop;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.safeguarding.exchange.signing.MessageSignature;

/**
 * A file as the intake sees it: its name and content hash, which are its place in the connector's offsets and make its
 * message id, and the intake topic its record goes to. Pure, so that the rules have tests of their own.
 */
public record DroppedFile(String name, byte[] content) {

    /** An intake record and the topic it goes to. */
    public record Intake(Schema schema, String topic) {
    }

    /**
     * A file's record type is the intake record whose identifying field it carries, checked in this order (a decision
     * and a consent outcome also name the request they answer).
     */
    private static final Map<String, Intake> BY_ID_FIELD = new LinkedHashMap<>();

    static {
        BY_ID_FIELD.put("hazardId", new Intake(HazardNotification.getClassSchema(), "exchange.hazard-notifications"));
        BY_ID_FIELD.put("decisionId", new Intake(ShareDecision.getClassSchema(), "exchange.share-decisions"));
        BY_ID_FIELD.put("consentId", new Intake(ConsentOutcome.getClassSchema(), "exchange.consent-outcomes"));
        BY_ID_FIELD.put("requestId", new Intake(ShareRequest.getClassSchema(), "exchange.share-requests"));
    }

    /** The intake record for a file carrying these top-level fields; null when it carries none of the id fields. */
    public static Intake intakeFor(Iterable<String> fieldNames) {
        java.util.Set<String> names = new java.util.HashSet<>();
        fieldNames.forEach(names::add);
        return BY_ID_FIELD.entrySet().stream().filter(e -> names.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    public String sha256() {
        return HexFormat.of().formatHex(MessageSignature.sha256(content));
    }

    /**
     * The message id: the same agency, file name and content give the same id, so a file sent again after a crash is
     * the same message to the exchange (contract rule 5), and a corrected file under the same name is a new one.
     */
    public String messageId(String agencyCode) {
        return UUID.nameUUIDFromBytes(("file-drop:" + agencyCode + ":" + name + ":" + sha256()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The connector's source partition for this file. */
    public Map<String, String> sourcePartition(String folder) {
        return Map.of("folder", folder, "file", name);
    }

    /** The connector's source offset for this file. */
    public Map<String, String> sourceOffset() {
        return Map.of("sha256", sha256());
    }

    /** Whether a stored offset is this very content: the file's message is already on Kafka. */
    public boolean isRecordedIn(Map<String, Object> storedOffset) {
        return storedOffset != null && sha256().equals(storedOffset.get("sha256"));
    }
}
