package org.safeguarding.exchange.service.audit.internal;

import static org.safeguarding.exchange.service.sql.SqlValues.strings;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.security.AccessRefused;
import org.safeguarding.exchange.service.security.Caller;
import org.safeguarding.exchange.service.sql.NewestFirst;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Who has read the register: every read (who, which query, when, how many rows, which cases) and every refusal, in
 * the append-only {@code access_log} table (V5__audit.sql).
 */
@Component
public class AccessLog {

    /** A read returning entries of more cases than this is kept as a bulk read rather than listing every case. */
    public static final int MAX_CASES_LISTED = 10_000;

    enum Outcome { ALLOWED, REFUSED }

    /** One row of the access log as auditors read it; {@code caseReferences} null means a bulk read. */
    public record Access(long id, Instant accessedAt, String principal, List<String> roles, String agency, String action,
            @com.fasterxml.jackson.annotation.JsonRawValue String query, String caseReference, List<String> caseReferences,
            long rowCount, String outcome, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AccessLog(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void allowed(Caller caller, String action, Map<String, ?> query, String caseReference, Collection<String> cases, long rows) {
        allowed(caller, action, query, caseReference, cases, rows, null);
    }

    /** A read, with the reason the reader stated for it (kept in the row's reason, which for a refusal says why). */
    public void allowed(Caller caller, String action, Map<String, ?> query, String caseReference, Collection<String> cases, long rows,
            String statedReason) {
        write(caller, action, query, caseReference, cases, rows, Outcome.ALLOWED, statedReason);
    }

    public void refused(Caller caller, String action, Map<String, ?> query, String caseReference, String reason) {
        write(caller, action, query, caseReference, List.of(), 0, Outcome.REFUSED, reason);
    }

    @EventListener
    void onRefusal(AccessRefused refusal) {
        Map<String, Object> query = new java.util.LinkedHashMap<>();
        query.put("path", refusal.path());
        if (refusal.query() != null) {
            query.put("queryString", refusal.query());
        }
        write(refusal.caller(), refusal.method() + " " + refusal.path(), query, null, List.of(), 0, Outcome.REFUSED,
                "role does not permit this path");
    }

    /**
     * Reads of (or refusals about) a case, newest first: reads that named the case or returned any of its entries,
     * and bulk reads too large to list their cases, which may have included it.
     */
    public List<Access> find(String caseReference, String principal, Long before, int limit) {
        NewestFirst query = new NewestFirst("""
                select id, accessed_at, principal, roles, agency, action, query::text as query, case_reference, case_references,
                       row_count, outcome, reason from access_log""");
        if (caseReference != null) {
            query.and("(case_reference = ? or case_references @> array[?::text] or (case_references is null and outcome = 'ALLOWED'))",
                    caseReference, caseReference);
        }
        if (principal != null) {
            query.and("principal = ?", principal);
        }
        return query.page(jdbc, before, limit, (rs, i) -> access(rs));
    }

    private void write(Caller caller, String action, Map<String, ?> query, String caseReference, Collection<String> cases, long rows,
            Outcome outcome, String reason) {
        List<String> roles = caller.roles().stream().map(Enum::name).sorted().toList();
        String[] caseArray = cases == null ? null : cases.toArray(String[]::new);
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into access_log (principal, roles, agency, action, query, case_reference,"
                    + " case_references, row_count, outcome, reason, accessed_at) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)");
            ps.setString(1, caller.name());
            ps.setArray(2, con.createArrayOf("text", roles.toArray()));
            ps.setString(3, caller.agency());
            ps.setString(4, action);
            ps.setString(5, json.writeValueAsString(query));
            ps.setString(6, caseReference);
            ps.setArray(7, caseArray == null ? null : con.createArrayOf("text", caseArray));
            ps.setLong(8, rows);
            ps.setString(9, outcome.name());
            ps.setString(10, reason);
            ps.setObject(11, clock.instant().atOffset(ZoneOffset.UTC));
            return ps;
        });
    }

    private static Access access(ResultSet rs) throws SQLException {
        return new Access(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(), rs.getString("principal"),
                strings(rs.getArray("roles")), rs.getString("agency"), rs.getString("action"), rs.getString("query"),
                rs.getString("case_reference"), casesOrBulk(rs.getArray("case_references")), rs.getLong("row_count"),
                rs.getString("outcome"), rs.getString("reason"));
    }

    /** The cases a read listed, or null for a bulk read too large to list them (as {@link Access} documents). */
    private static List<String> casesOrBulk(Array array) throws SQLException {
        return array == null ? null : strings(array);
    }
}
