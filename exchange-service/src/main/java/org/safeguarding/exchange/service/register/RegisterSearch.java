package org.safeguarding.exchange.service.register;

import static org.safeguarding.exchange.service.sql.SqlValues.instant;
import static org.safeguarding.exchange.service.sql.SqlValues.strings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.avro.generic.GenericRecord;
import org.safeguarding.exchange.service.register.internal.ReadableJson;
import org.safeguarding.exchange.service.register.internal.WriterSchemas.ReadMessage;
import org.safeguarding.exchange.service.register.internal.WriterSchemas;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the register for people: filtered, newest first, keyset-paged; whole cases, requests and data subjects; and
 * the entries a compliance review looks for. Every value is a bound parameter, never part of the SQL text. Every value
 * served is covered by the entry hash, or derived when read from what it covers: the readable message is decoded from
 * the exact bytes with the schema they name, and so are the message fields a subject access export or a compliance
 * check looks at.
 */
@Service
public class RegisterSearch {

    private static final String VIEW_COLUMNS = """
            sequence, message_id, outcome, record_type, case_reference, sending_agency, recipient_agencies,
            requester_name, decision, consent_status, occurred_at, recorded_at, received_at, flags,
            violations::text as violations, chain_id, chain_position, previous_hash, entry_hash, source_topic,
            source_partition, source_offset, schema_id, payload_size, payload, schema_sha256, entry_version, request_id,
            proven_sender, signature_key_id, signature_signed_at, signature""";
    private static final String SELECT = "select " + VIEW_COLUMNS + " from register_entry";
    private static final String INVOLVES = " (sending_agency = ? or sender = ? or ? = any(recipient_agencies))";
    /** The late-entry flag, as every query names it, so that the partial index on it serves them. */
    private static final String LATE = "'LATE_ENTRY' = any(flags)";
    /** Rows a streaming read fetches per round trip: the export holds no more than this many at once. */
    static final int FETCH_SIZE = 1000;
    /** The ground a subject access export gives for an entry whose message could not be read back to decide on it. */
    public static final String UNREADABLE = "the message could not be read back from its recorded bytes and schema;"
            + " GET /api/register/verify names the entry";

    private final JdbcTemplate jdbc;
    private final WriterSchemas schemas;

    public RegisterSearch(JdbcTemplate jdbc, WriterSchemas schemas) {
        this.jdbc = jdbc;
        this.schemas = schemas;
    }

    public List<EntryView> find(EntryQuery q) {
        List<Object> args = new ArrayList<>();
        String sql = SELECT + where(q, args) + " order by sequence desc limit ?";
        args.add(q.limit());
        return jdbc.query(sql, (rs, i) -> view(rs), args.toArray());
    }

    /**
     * Every entry matching the filters (the limit is ignored), newest first, handed over one at a time from a
     * database cursor: a million rows pass through without being held. The transaction keeps the cursor open.
     */
    @Transactional(readOnly = true)
    public long forEach(EntryQuery q, Consumer<EntryView> action) {
        List<Object> args = new ArrayList<>();
        // The comment names the statement for operators (and lets a test find it in pg_stat_activity).
        String sql = "/* register-export */ " + SELECT + where(q, args) + " order by sequence desc";
        long[] rows = {0};
        jdbc.query(streaming(sql, args.toArray()), (RowCallbackHandler) rs -> {
            action.accept(view(rs));
            rows[0]++;
        });
        return rows[0];
    }

    public Optional<EntryView> bySequence(long sequence) {
        return jdbc.query(SELECT + " where sequence = ?", (rs, i) -> view(rs), sequence).stream().findFirst();
    }

    /** The entry registered under this message id, whoever sent it (message ids the exchange makes are its own). */
    public List<EntryView> byMessageId(String messageId) {
        return jdbc.query(SELECT + " where message_id = ? order by sequence", (rs, i) -> view(rs), messageId);
    }

    /** The entries of messages that could not be decoded (whose bytes went to the dead-letter topic), newest first. */
    public List<EntryView> undecodable(Long before, int limit) {
        return jdbc.query(SELECT + " where outcome = 'UNDECODABLE' and sequence < ? order by sequence desc limit ?",
                (rs, i) -> view(rs), before == null ? Long.MAX_VALUE : before, limit);
    }

    /** A case's entries in the order they were registered, at most {@code limit}; only the agency's own if it is given. */
    public List<EntryView> byCase(String caseReference, String visibleTo, int limit) {
        List<Object> args = new ArrayList<>(List.of(caseReference));
        StringBuilder sql = new StringBuilder(SELECT + " where case_reference = ?");
        if (visibleTo != null) {
            sql.append(" and").append(INVOLVES);
            args.addAll(List.of(visibleTo, visibleTo, visibleTo));
        }
        sql.append(" order by sequence limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> view(rs), args.toArray());
    }

    /** The entries that belong to one request: the request itself, consent outcomes and decisions answering it. */
    public List<EntryView> byRequest(String requestId) {
        return jdbc.query(SELECT + " where request_id = ? order by sequence", (rs, i) -> view(rs), requestId);
    }

    /**
     * Everything the register holds about a data subject: the case's entries, and entries naming the person (a
     * consent outcome's person, a hazard's person or linked child), each with the reason it is withheld, if any: a
     * decision's {@code withheldFromSubject}, or {@link #UNREADABLE} when its message cannot be read back to tell.
     */
    public List<SubjectEntry> aboutSubject(String caseReference, String personReference) {
        List<Object> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (caseReference != null) {
            conditions.add("case_reference = ?");
            args.add(caseReference);
        }
        if (personReference != null) {
            conditions.add("person_references @> array[?::text]");
            args.add(personReference);
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        String sql = SELECT + " where " + String.join(" or ", conditions) + " order by sequence";
        return jdbc.query(sql, (rs, i) -> {
            Row row = row(rs);
            String withheld = row.read().problem() != null ? UNREADABLE : blankAsNull(text(field(row.read().record(), "withheldFromSubject")));
            return new SubjectEntry(row.view(), withheld);
        }, args.toArray());
    }

    /** Accepted requests older than {@code olderThan} that no accepted decision answers yet. */
    public List<EntryView> requestsWithoutDecision(Instant olderThan, int limit) {
        return jdbc.query(SELECT + " r where r.record_type = 'ShareRequest' and r.outcome = 'ACCEPTED'"
                + " and coalesce(r.occurred_at, r.received_at) < ?"
                + " and not exists (select 1 from register_entry d where d.request_id = r.request_id"
                + " and d.record_type = 'ShareDecision' and d.outcome = 'ACCEPTED') order by r.sequence limit ?",
                (rs, i) -> view(rs), olderThan.atOffset(ZoneOffset.UTC), limit);
    }

    /**
     * Accepted SHARE or SHARE_PARTIAL decisions answering a request without a CONFIRMED identity check (contract rule
     * 3), as their messages state it; a message that cannot be read back is listed, as nothing shows the check.
     */
    @Transactional(readOnly = true)
    public List<EntryView> sharedWithoutConfirmedIdentity(int limit) {
        return firstMatching(SELECT + " where record_type = 'ShareDecision' and outcome = 'ACCEPTED'"
                + " and decision in ('SHARE', 'SHARE_PARTIAL') and request_id is not null order by sequence",
                row -> !"CONFIRMED".equals(text(field(asRecord(field(row.read().record(), "requesterIdentityCheck")), "outcome"))),
                limit);
    }

    /**
     * Accepted requests, and decisions that share, without consent given and without a reason (contract rule 2), as
     * their messages state the reason; a message that cannot be read back is listed, as nothing shows a reason.
     */
    @Transactional(readOnly = true)
    public List<EntryView> withoutConsentOrReason(int limit) {
        return firstMatching(SELECT + " where outcome = 'ACCEPTED'"
                + " and (record_type = 'ShareRequest' or (record_type = 'ShareDecision' and decision in ('SHARE', 'SHARE_PARTIAL')))"
                + " and consent_status is distinct from 'GIVEN' order by sequence",
                row -> blankAsNull(text(field(asRecord(field(row.read().record(), "consent")), "reasonWithoutConsent"))) == null,
                limit);
    }

    /** Entries flagged LATE_ENTRY (Derby section 1). */
    public List<EntryView> lateEntries(int limit) {
        return jdbc.query(SELECT + " where " + LATE + " order by sequence limit ?", (rs, i) -> view(rs), limit);
    }

    /** The first {@code limit} rows the query gives that {@code keep} keeps, read from a cursor until there are enough. */
    private List<EntryView> firstMatching(String sql, Predicate<Row> keep, int limit) {
        return jdbc.query(streaming(sql), rs -> {
            List<EntryView> found = new ArrayList<>();
            while (found.size() < limit && rs.next()) {
                Row row = row(rs);
                if (keep.test(row)) {
                    found.add(row.view());
                }
            }
            return found;
        });
    }

    private static PreparedStatementCreator streaming(String sql, Object... args) {
        return con -> {
            PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        };
    }

    private static String where(EntryQuery q, List<Object> args) {
        StringBuilder sql = new StringBuilder(" where true");
        if (q.caseReference() != null) {
            sql.append(" and case_reference = ?");
            args.add(q.caseReference());
        }
        if (q.agency() != null) {
            sql.append(" and").append(INVOLVES);
            args.addAll(List.of(q.agency(), q.agency(), q.agency()));
        }
        if (q.visibleTo() != null) {
            sql.append(" and").append(INVOLVES);
            args.addAll(List.of(q.visibleTo(), q.visibleTo(), q.visibleTo()));
        }
        if (q.recordType() != null) {
            sql.append(" and record_type = ?");
            args.add(q.recordType());
        }
        if (q.requester() != null) {
            sql.append(" and lower(requester_name) = lower(?)");
            args.add(q.requester());
        }
        if (q.decision() != null) {
            sql.append(" and decision = ?");
            args.add(q.decision());
        }
        if (q.consentStatus() != null) {
            sql.append(" and consent_status = ?");
            args.add(q.consentStatus());
        }
        if (q.lateOnly()) {
            sql.append(" and ").append(LATE);
        }
        if (q.from() != null) {
            sql.append(" and received_at >= ?");
            args.add(q.from().atOffset(ZoneOffset.UTC));
        }
        if (q.to() != null) {
            sql.append(" and received_at < ?");
            args.add(q.to().atOffset(ZoneOffset.UTC));
        }
        if (q.before() != null) {
            sql.append(" and sequence < ?");
            args.add(q.before());
        }
        return sql.toString();
    }

    /** A row as readers are shown it, and its message as read back from the bytes. */
    private record Row(EntryView view, ReadMessage read) {
    }

    private EntryView view(ResultSet rs) throws SQLException {
        return row(rs).view();
    }

    private Row row(ResultSet rs) throws SQLException {
        int schemaId = rs.getInt("schema_id");
        Integer schema = rs.wasNull() ? null : schemaId;
        String outcome = rs.getString("outcome");
        // An undecodable message has no readable form: intake could not read it either.
        ReadMessage read = EntryOutcome.UNDECODABLE.name().equals(outcome) ? ReadMessage.NOTHING
                : schemas.read(rs.getInt("entry_version"), schema, rs.getBytes("payload"), rs.getBytes("schema_sha256"));
        byte[] signature = rs.getBytes("signature");
        List<String> flags = strings(rs.getArray("flags"));
        EntryView view = new EntryView(
                rs.getLong("sequence"), rs.getString("message_id"), outcome, rs.getString("record_type"),
                rs.getString("case_reference"), rs.getString("sending_agency"), strings(rs.getArray("recipient_agencies")),
                rs.getString("requester_name"), rs.getString("decision"), rs.getString("consent_status"),
                instant(rs.getTimestamp("occurred_at")), instant(rs.getTimestamp("recorded_at")),
                instant(rs.getTimestamp("received_at")), flags.contains(RegisterFlags.LATE_ENTRY), flags,
                rs.getString("violations"), rs.getString("chain_id"), rs.getLong("chain_position"),
                HexFormat.of().formatHex(rs.getBytes("previous_hash")), HexFormat.of().formatHex(rs.getBytes("entry_hash")),
                rs.getString("source_topic"), rs.getInt("source_partition"), rs.getLong("source_offset"), schema,
                rs.getInt("payload_size"), readable(read, schema, outcome, rs), rs.getString("request_id"),
                rs.getString("proven_sender"), signature == null ? null
                        : new EntrySignature(rs.getString("signature_key_id"), instant(rs.getTimestamp("signature_signed_at")), signature));
        return new Row(view, read);
    }

    /**
     * The message as JSON: decoded from its Avro bytes; or, for an act the exchange recorded itself (accepted, naming no
     * schema: a dead-letter replay's request or decision), its bytes, which are that JSON.
     */
    private static String readable(ReadMessage read, Integer schema, String outcome, ResultSet rs) throws SQLException {
        if (read.record() != null) {
            return ReadableJson.of(read.record());
        }
        byte[] payload = rs.getBytes("payload");
        if (schema == null && EntryOutcome.ACCEPTED.name().equals(outcome) && payload != null && payload.length > 0 && payload[0] == '{') {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
        return null;
    }

    /** A field of a decoded message, or null when there is no message or its schema has no such field. */
    private static Object field(GenericRecord record, String name) {
        return record != null && record.getSchema().getField(name) != null ? record.get(name) : null;
    }

    private static GenericRecord asRecord(Object value) {
        return value instanceof GenericRecord record ? record : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
