package org.safeguarding.exchange.service.register;

import static org.safeguarding.exchange.service.register.SqlValues.strings;
import static org.safeguarding.exchange.service.register.SqlValues.instant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The register's SQL: every statement works on a whole batch, so the hot path makes no per-message round trip. */
@Repository
class RegisterStore {

    private static final String COLUMNS = """
            sequence, message_id, chain_id, chain_position, previous_hash, entry_hash, outcome, record_type,
            source_topic, source_partition, source_offset, sender, received_at, case_reference, sending_agency,
            recipient_agencies, requester_name, decision, consent_status, occurred_at, recorded_at,
            corrects_message_id, request_id, late_entry, flags, violations, schema_id, payload, payload_sha256, payload_size
            """;
    /**
     * Entries go in by binary COPY: the server stores each value as sent, where a multi-row insert had it parse 31
     * parameters a row (timestamps and arrays as text) and plan a statement every few hundred rows. In same-day load
     * runs of 200,000 entries: 15.1-15.3 s of statement time against 16.1-17.2 s (benchmarks/README.md).
     */
    private static final String COPY = "copy register_entry (" + COLUMNS + ", message_json) from stdin (format binary)";
    private static final int COPY_FIELDS = 31;
    /** About what a typical entry takes in the COPY data (message bytes, its JSON and the columns). */
    private static final int TYPICAL_ROW_BYTES = 3_000;
    /** Advisory lock key fencing sequence allocation from the checkpoint signer's watermark read ("regseq"). */
    private static final long SEQUENCE_FENCE = 0x7265677365710001L;
    private static final TypeReference<List<EntryViolation>> VIOLATIONS = new TypeReference<>() {
    };
    /** How most entries store their violations (jsonb returns it in this form): read and written without a JSON parser. */
    private static final String NO_VIOLATIONS = "[]";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RegisterStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Map<String, RegisterEntry> findByMessageIds(List<String> messageIds) {
        Map<String, RegisterEntry> found = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + COLUMNS + " from register_entry where message_id = any(?)");
            ps.setArray(1, con.createArrayOf("text", messageIds.toArray()));
            return ps;
        }, (RowCallbackHandler) rs -> {
            RegisterEntry entry = mapEntry(rs);
            found.put(entry.message().messageId(), entry);
        });
        return found;
    }

    /** The head of each named chain; chains with no entry yet start empty. */
    Map<String, Chain> chainHeads(List<String> chainIds) {
        Map<String, Chain> heads = new HashMap<>();
        jdbc.query(con -> {
            // One backward index step per chain (the unique (chain_id, chain_position) index): "distinct on" would
            // read every entry of each chain, a cost that grows with the register.
            PreparedStatement ps = con.prepareStatement("""
                    select c.chain_id, head.chain_position, head.entry_hash
                    from unnest(?::text[]) as c(chain_id)
                    cross join lateral (select chain_position, entry_hash from register_entry e
                                        where e.chain_id = c.chain_id order by chain_position desc limit 1) head""");
            ps.setArray(1, con.createArrayOf("text", chainIds.toArray()));
            return ps;
        }, (RowCallbackHandler) rs -> heads.put(rs.getString(1),
                new Chain(rs.getString(1), rs.getLong(2) + 1, rs.getBytes(3))));
        for (String chainId : new HashSet<>(chainIds)) {
            heads.computeIfAbsent(chainId, Chain::empty);
        }
        return heads;
    }

    /** For each accepted request id, the agencies on either side of it. */
    Map<String, List<String>> partiesOfRequests(List<String> requestIds) {
        Map<String, List<String>> parties = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select request_id, sending_agency, recipient_agencies from register_entry"
                    + " where record_type = 'ShareRequest' and outcome = 'ACCEPTED' and request_id = any(?)");
            ps.setArray(1, con.createArrayOf("text", requestIds.toArray()));
            return ps;
        }, (RowCallbackHandler) rs -> {
            List<String> agencies = parties.computeIfAbsent(rs.getString(1), id -> new java.util.ArrayList<>());
            agencies.add(rs.getString(2));
            agencies.addAll(strings(rs.getArray(3)));
        });
        return parties;
    }

    List<Long> allocateSequences(int count) {
        // Held until this transaction ends: the checkpoint signer takes the same lock exclusively to learn the highest
        // sequence no writer still has in flight (committedWatermark).
        jdbc.queryForObject("select pg_advisory_xact_lock_shared(?) is null", Boolean.class, SEQUENCE_FENCE);
        return jdbc.queryForList("select nextval('register_entry_sequence') from generate_series(1, ?)", Long.class, count);
    }

    /**
     * The highest sequence allocated so far, read while no writer holds sequences it has not committed: every entry
     * at or below it is committed or will never exist. Takes the fence exclusively, so call it in a short transaction.
     */
    long committedWatermark() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?) is null", Boolean.class, SEQUENCE_FENCE);
        return highestAllocatedSequence();
    }

    /**
     * As {@link #committedWatermark()} if no writer holds the fence at this instant, else empty. Never waits, so it
     * never holds a writer back (a waiting exclusive request queues every new writer behind it).
     */
    OptionalLong committedWatermarkIfIdle() {
        boolean fenced = Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SEQUENCE_FENCE));
        return fenced ? OptionalLong.of(highestAllocatedSequence()) : OptionalLong.empty();
    }

    private long highestAllocatedSequence() {
        return jdbc.queryForObject("select case when is_called then last_value else last_value - 1 end from register_entry_sequence",
                Long.class);
    }

    /** Streams the entries with sequence in (after, upTo], in sequence order; holds one row at a time. */
    void forEachInSequenceOrder(long after, long upTo, boolean withPayload, Consumer<RegisterEntry> action) {
        String columns = withPayload ? COLUMNS : COLUMNS.replace(" payload,", " null::bytea as payload,");
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select " + columns + " from register_entry where sequence > ? and sequence <= ? order by sequence",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setFetchSize(1000);
            return ps;
        }, (RowCallbackHandler) rs -> action.accept(mapEntry(rs)));
    }

    void insert(List<RegisterEntry> entries) {
        BinaryCopyRows rows = new BinaryCopyRows(entries.size() * TYPICAL_ROW_BYTES);
        for (RegisterEntry entry : entries) {
            write(rows, entry);
        }
        BigEndianBuffer data = rows.finish();
        // In the transaction's own connection, so the rows commit or roll back with the rest of the batch.
        jdbc.execute((ConnectionCallback<Long>) con -> {
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                copy.writeToCopy(data.array(), 0, data.length());
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private void write(BinaryCopyRows row, RegisterEntry e) {
        NewEntry m = e.message();
        EntryFacts f = m.facts();
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
                .bool(m.flags().contains(RegisterFlags.LATE_ENTRY))
                .textArray(m.flags().stream().sorted().toList())
                // Most entries are accepted, with no violations: no JSON writer for them.
                .jsonb(m.violations().isEmpty() ? NO_VIOLATIONS : json.writeValueAsString(m.violations()))
                .int32(m.schemaId())
                .bytes(m.payload())
                .bytes(m.payloadSha256())
                .int32(m.payloadSize())
                .jsonb(m.payloadJson());
    }

    private RegisterEntry mapEntry(ResultSet rs) throws SQLException {
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
                rs.getString("request_id"));
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
                null,
                facts,
                new HashSet<>(strings(rs.getArray("flags"))),
                violations(rs.getString("violations")));
        return new RegisterEntry(rs.getLong("sequence"), rs.getString("chain_id"), rs.getLong("chain_position"),
                rs.getBytes("previous_hash"), rs.getBytes("entry_hash"), message);
    }

    private List<EntryViolation> violations(String stored) {
        return NO_VIOLATIONS.equals(stored) ? List.of() : json.readValue(stored, VIOLATIONS);
    }
}
