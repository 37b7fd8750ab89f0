package org.safeguarding.exchange.service.register.internal;

import static org.safeguarding.exchange.service.sql.SqlValues.instant;
import static org.safeguarding.exchange.service.sql.SqlValues.strings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntrySignature;
import org.safeguarding.exchange.service.register.EntryViolation;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** A register entry as a row of {@code register_entry}: the columns, a binary COPY row, and back from a result set. */
public final class EntryRows {

    public static final String COLUMNS = """
            sequence, message_id, chain_id, chain_position, previous_hash, entry_hash, outcome, record_type,
            source_topic, source_partition, source_offset, sender, received_at, case_reference, sending_agency,
            recipient_agencies, requester_name, decision, consent_status, occurred_at, recorded_at,
            corrects_message_id, request_id, flags, violations, schema_id, payload, payload_sha256, payload_size,
            entry_version, person_references, proven_sender, signature_key_id, signature_signed_at, signature, schema_sha256
            """;
    /**
     * Entries go in by binary COPY: the server stores each value as sent, where a multi-row insert had it parse every
     * parameter of a row (timestamps and arrays as text) and plan a statement every few hundred rows.
     */
    public static final String COPY = "copy register_entry (" + COLUMNS + ") from stdin (format binary)";
    private static final int COPY_FIELDS = 36;
    /** About what a typical entry takes in the COPY data (message bytes and the columns). */
    private static final int TYPICAL_ROW_BYTES = 1_600;
    private static final TypeReference<List<EntryViolation>> VIOLATIONS = new TypeReference<>() {
    };
    /** How most entries store their violations (jsonb returns it in this form): read and written without a JSON parser. */
    private static final String NO_VIOLATIONS = "[]";

    private final ObjectMapper json;

    public EntryRows(ObjectMapper json) {
        this.json = json;
    }

    /** The COPY data of these entries, in the column order of {@link #COPY}. */
    public BigEndianBuffer copyData(List<RegisterEntry> entries) {
        BinaryCopyRows rows = new BinaryCopyRows(entries.size() * TYPICAL_ROW_BYTES);
        for (RegisterEntry entry : entries) {
            write(rows, entry);
        }
        return rows.finish();
    }

    private void write(BinaryCopyRows row, RegisterEntry e) {
        NewEntry m = e.message();
        EntryFacts f = m.facts();
        EntrySignature s = m.signature();
        row.row(COPY_FIELDS)
                .int64(e.sequence())
                .text(m.messageId())
                .text(e.chainId())
                .int64(e.chainPosition())
                .bytes(e.previousHash())
                .bytes(e.entryHash())
                .text(m.outcome().name())
                .text(f.recordType())
                .text(m.source().topic())
                .int32(m.source().partition())
                .int64(m.source().offset())
                .text(m.sender())
                .timestamp(m.receivedAt())
                .text(f.caseReference())
                .text(f.sendingAgency())
                .textArray(f.recipientAgencies())
                .text(f.requesterName())
                .text(f.decision())
                .text(f.consentStatus())
                .timestamp(f.occurredAt())
                .timestamp(f.recordedAt())
                .text(f.correctsMessageId())
                .text(f.requestId())
                .textArray(m.flags().stream().sorted().toList())
                // Most entries are accepted, with no violations: no JSON writer for them.
                .jsonb(m.violations().isEmpty() ? NO_VIOLATIONS : json.writeValueAsString(m.violations()))
                .int32(m.schemaId())
                .bytes(m.payload())
                .bytes(m.payloadSha256())
                .int32(m.payloadSize())
                .int16(e.entryVersion())
                .textArray(f.personReferences())
                .text(m.provenSender())
                .text(s == null ? null : s.keyId())
                .timestamp(s == null ? null : s.signedAt())
                .bytes(s == null ? null : s.value())
                .bytes(e.schemaSha256());
    }

    /** The entry of a row selected with {@link #COLUMNS}. */
    public RegisterEntry entry(ResultSet rs) throws SQLException {
        EntryFacts facts = new EntryFacts(
                rs.getString("record_type"),
                rs.getString("case_reference"),
                rs.getString("sending_agency"),
                strings(rs.getArray("recipient_agencies")),
                rs.getString("requester_name"),
                rs.getString("decision"),
                rs.getString("consent_status"),
                instant(rs.getTimestamp("occurred_at")),
                instant(rs.getTimestamp("recorded_at")),
                rs.getString("corrects_message_id"),
                rs.getString("request_id"),
                strings(rs.getArray("person_references")));
        byte[] signature = rs.getBytes("signature");
        EntrySignature signed = signature == null ? null
                : new EntrySignature(rs.getString("signature_key_id"), instant(rs.getTimestamp("signature_signed_at")), signature);
        int schemaId = rs.getInt("schema_id");
        Integer schema = rs.wasNull() ? null : schemaId;
        NewEntry message = new NewEntry(
                rs.getString("message_id"),
                new SourceCoordinates(rs.getString("source_topic"), rs.getInt("source_partition"), rs.getLong("source_offset")),
                instant(rs.getTimestamp("received_at")),
                rs.getString("sender"),
                EntryOutcome.valueOf(rs.getString("outcome")),
                schema,
                rs.getBytes("payload"),
                rs.getBytes("payload_sha256"),
                rs.getInt("payload_size"),
                facts,
                new HashSet<>(strings(rs.getArray("flags"))),
                violations(rs.getString("violations")),
                rs.getString("proven_sender"),
                signed);
        return new RegisterEntry(rs.getLong("sequence"), rs.getString("chain_id"), rs.getLong("chain_position"),
                rs.getBytes("previous_hash"), rs.getBytes("entry_hash"), message, rs.getInt("entry_version"),
                rs.getBytes("schema_sha256"));
    }

    private List<EntryViolation> violations(String stored) {
        return NO_VIOLATIONS.equals(stored) ? List.of() : json.readValue(stored, VIOLATIONS);
    }
}
