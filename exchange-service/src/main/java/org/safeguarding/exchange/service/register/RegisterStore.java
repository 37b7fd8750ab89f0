package org.safeguarding.exchange.service.register;

import static org.safeguarding.exchange.service.register.SqlValues.strings;
import static org.safeguarding.exchange.service.register.SqlValues.utc;
import static org.safeguarding.exchange.service.register.SqlValues.instant;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
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
    private static final String INSERT = "insert into register_entry (" + COLUMNS + ", message_json) values ("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb)";
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
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                bind(ps, entries.get(i));
            }

            @Override
            public int getBatchSize() {
                return entries.size();
            }
        });
    }

    private void bind(PreparedStatement ps, RegisterEntry e) throws SQLException {
        NewEntry m = e.message();
        EntryFacts f = m.facts();
        int i = 0;
        ps.setLong(++i, e.sequence());
        ps.setString(++i, m.messageId());
        ps.setString(++i, e.chainId());
        ps.setLong(++i, e.chainPosition());
        ps.setBytes(++i, e.previousHash());
        ps.setBytes(++i, e.entryHash());
        ps.setString(++i, m.outcome().name());
        ps.setString(++i, f.recordType());
        ps.setString(++i, m.source().topic());
        ps.setInt(++i, m.source().partition());
        ps.setLong(++i, m.source().offset());
        ps.setString(++i, m.sender());
        ps.setObject(++i, utc(m.receivedAt()));
        ps.setString(++i, f.caseReference());
        ps.setString(++i, f.sendingAgency());
        ps.setArray(++i, textArray(ps, f.recipientAgencies()));
        ps.setString(++i, f.requesterName());
        ps.setString(++i, f.decision());
        ps.setString(++i, f.consentStatus());
        ps.setObject(++i, utc(f.occurredAt()));
        ps.setObject(++i, utc(f.recordedAt()));
        ps.setString(++i, f.correctsMessageId());
        ps.setString(++i, f.requestId());
        ps.setBoolean(++i, m.flags().contains(RegisterFlags.LATE_ENTRY));
        ps.setArray(++i, textArray(ps, m.flags().stream().sorted().toList()));
        // Most entries are accepted, with no violations: no JSON writer for them.
        ps.setString(++i, m.violations().isEmpty() ? NO_VIOLATIONS : json.writeValueAsString(m.violations()));
        if (m.schemaId() == null) {
            ps.setNull(++i, java.sql.Types.INTEGER);
        } else {
            ps.setInt(++i, m.schemaId());
        }
        ps.setBytes(++i, m.payload());
        ps.setBytes(++i, m.payloadSha256());
        ps.setInt(++i, m.payloadSize());
        ps.setString(++i, m.payloadJson());
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

    private static Array textArray(PreparedStatement ps, List<String> values) throws SQLException {
        return ps.getConnection().createArrayOf("text", values.toArray());
    }



}
