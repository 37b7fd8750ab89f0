package org.safeguarding.exchange.service.register;

import static org.safeguarding.exchange.service.sql.SqlValues.strings;
import static org.safeguarding.exchange.service.sql.SqlValues.instant;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the register for people: filtered, newest first, keyset-paged; whole cases, requests and data subjects; and
 * the entries a compliance review looks for. Every value is a bound parameter, never part of the SQL text.
 */
@Service
public class RegisterSearch {

    private static final String VIEW_COLUMNS = """
            sequence, message_id, outcome, record_type, case_reference, sending_agency, recipient_agencies,
            requester_name, decision, consent_status, occurred_at, recorded_at, received_at, late_entry, flags,
            violations::text as violations, chain_id, chain_position, previous_hash, entry_hash, source_topic,
            source_partition, source_offset, schema_id, payload_size, message_json::text as message, request_id""";
    private static final String SELECT = "select " + VIEW_COLUMNS + " from register_entry";
    private static final String INVOLVES = " (sending_agency = ? or sender = ? or ? = any(recipient_agencies))";
    /** Rows a streaming read fetches per round trip: the export holds no more than this many at once. */
    static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;

    public RegisterSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }, (RowCallbackHandler) rs -> {
            action.accept(view(rs));
            rows[0]++;
        });
        return rows[0];
    }

    public Optional<EntryView> bySequence(long sequence) {
        return jdbc.query(SELECT + " where sequence = ?", (rs, i) -> view(rs), sequence).stream().findFirst();
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
     * consent outcome's person, a hazard's person or linked child), each with the reason it is withheld, if any.
     */
    public List<SubjectEntry> aboutSubject(String caseReference, String personReference) {
        List<Object> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (caseReference != null) {
            conditions.add("case_reference = ?");
            args.add(caseReference);
        }
        if (personReference != null) {
            conditions.add("message_json->>'personReference' = ?");
            conditions.add("message_json->'linkedChildren' @> jsonb_build_array(?::text)");
            args.add(personReference);
            args.add(personReference);
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        String sql = "select " + VIEW_COLUMNS + ", nullif(btrim(message_json->>'withheldFromSubject'), '') as withheld"
                + " from register_entry where " + String.join(" or ", conditions) + " order by sequence";
        return jdbc.query(sql, (rs, i) -> new SubjectEntry(view(rs), rs.getString("withheld")), args.toArray());
    }

    /** Accepted requests older than {@code olderThan} that no accepted decision answers yet. */
    public List<EntryView> requestsWithoutDecision(Instant olderThan, int limit) {
        return jdbc.query(SELECT + " r where r.record_type = 'ShareRequest' and r.outcome = 'ACCEPTED'"
                + " and coalesce(r.occurred_at, r.received_at) < ?"
                + " and not exists (select 1 from register_entry d where d.request_id = r.request_id"
                + " and d.record_type = 'ShareDecision' and d.outcome = 'ACCEPTED') order by r.sequence limit ?",
                (rs, i) -> view(rs), olderThan.atOffset(ZoneOffset.UTC), limit);
    }

    /** Accepted SHARE or SHARE_PARTIAL decisions answering a request without a CONFIRMED identity check (contract rule 3). */
    public List<EntryView> sharedWithoutConfirmedIdentity(int limit) {
        return jdbc.query(SELECT + " where record_type = 'ShareDecision' and outcome = 'ACCEPTED'"
                + " and decision in ('SHARE', 'SHARE_PARTIAL') and request_id is not null"
                + " and (message_json->'requesterIdentityCheck'->>'outcome') is distinct from 'CONFIRMED'"
                + " order by sequence limit ?", (rs, i) -> view(rs), limit);
    }

    /** Accepted requests, and decisions that share, without consent given and without a reason (contract rule 2). */
    public List<EntryView> withoutConsentOrReason(int limit) {
        return jdbc.query(SELECT + " where outcome = 'ACCEPTED'"
                + " and (record_type = 'ShareRequest' or (record_type = 'ShareDecision' and decision in ('SHARE', 'SHARE_PARTIAL')))"
                + " and consent_status is distinct from 'GIVEN'"
                + " and coalesce(btrim(message_json->'consent'->>'reasonWithoutConsent'), '') = ''"
                + " order by sequence limit ?", (rs, i) -> view(rs), limit);
    }

    /** Entries flagged LATE_ENTRY (Derby section 1). */
    public List<EntryView> lateEntries(int limit) {
        return jdbc.query(SELECT + " where late_entry order by sequence limit ?", (rs, i) -> view(rs), limit);
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
            sql.append(" and late_entry");
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

    private static EntryView view(ResultSet rs) throws SQLException {
        int schemaId = rs.getInt("schema_id");
        Integer schema = rs.wasNull() ? null : schemaId;
        return new EntryView(
                rs.getLong("sequence"), rs.getString("message_id"), rs.getString("outcome"), rs.getString("record_type"),
                rs.getString("case_reference"), rs.getString("sending_agency"), strings(rs.getArray("recipient_agencies")),
                rs.getString("requester_name"), rs.getString("decision"), rs.getString("consent_status"),
                instant(rs.getTimestamp("occurred_at")), instant(rs.getTimestamp("recorded_at")),
                instant(rs.getTimestamp("received_at")), rs.getBoolean("late_entry"), strings(rs.getArray("flags")),
                rs.getString("violations"), rs.getString("chain_id"), rs.getLong("chain_position"),
                HexFormat.of().formatHex(rs.getBytes("previous_hash")), HexFormat.of().formatHex(rs.getBytes("entry_hash")),
                rs.getString("source_topic"), rs.getInt("source_partition"), rs.getLong("source_offset"), schema,
                rs.getInt("payload_size"), rs.getString("message"), rs.getString("request_id"));
    }


}
