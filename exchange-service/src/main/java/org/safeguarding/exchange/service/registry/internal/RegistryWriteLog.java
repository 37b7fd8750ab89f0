package org.safeguarding.exchange.service.registry.internal;

import static org.safeguarding.exchange.service.sql.SqlValues.instant;
import static org.safeguarding.exchange.service.sql.SqlValues.strings;
import static org.safeguarding.exchange.service.sql.SqlValues.utc;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.safeguarding.exchange.service.registry.RegistryCaller;
import org.safeguarding.exchange.service.sql.NewestFirst;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed the registry: every change (who, what, when) and every change refused for want of the ADMIN role, in the
 * append-only {@code registry_write} table (V10__registry.sql).
 */
@Component
public class RegistryWriteLog {

    /** What a write did. */
    public enum Operation {
        /** A new version of a subject (a new schema, or one known under another subject). */
        REGISTER,
        /** A compatibility level set, globally (no subject) or for a subject. */
        SET_COMPATIBILITY,
        /** A level removed: the global one back to the configured default, or a subject's back to the global one. */
        DELETE_COMPATIBILITY,
        DELETE_SUBJECT,
        DELETE_SUBJECT_PERMANENTLY,
        DELETE_VERSION,
        DELETE_VERSION_PERMANENTLY
    }

    /** What was done or asked: the subject (null for the global level), versions, schema id and level, where they apply. */
    public record Change(Operation operation, String subject, List<Integer> versions, Integer schemaId, String compatibility) {

        public Change {
            versions = versions == null ? null : List.copyOf(versions);
        }
    }

    /** One row of the write log as auditors read it. */
    public record Write(long id, Instant writtenAt, String principal, List<String> roles, String agency, Operation operation,
            String subject, List<Integer> versions, Integer schemaId, String compatibility, String outcome, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RegistryWriteLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A change made, in the transaction that makes it: the log and the registry agree. */
    public void accepted(RegistryCaller caller, Change change) {
        insert(caller, change, "ACCEPTED", null);
    }

    /** A change refused, kept in a transaction of its own, since the refusal rolls the registry's back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(RegistryCaller caller, Change change, String reason) {
        insert(caller, change, "REFUSED", reason);
    }

    /** Newest first; subject and principal narrow the list when given, {@code before} pages on from an earlier page. */
    @Transactional(readOnly = true)
    public List<Write> find(String subject, String principal, Long before, int limit) {
        NewestFirst query = new NewestFirst("""
                select id, written_at, principal, roles, agency, operation, subject, versions, schema_id, compatibility,
                       outcome, reason from registry_write""");
        if (subject != null) {
            query.and("subject = ?", subject);
        }
        if (principal != null) {
            query.and("principal = ?", principal);
        }
        return query.page(jdbc, before, limit, (rs, i) -> write(rs));
    }

    private void insert(RegistryCaller caller, Change change, String outcome, String reason) {
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into registry_write (written_at, principal, roles, agency, operation, subject, versions, schema_id,
                                                compatibility, outcome, reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            ps.setObject(1, utc(clock.instant()));
            ps.setString(2, caller.name());
            ps.setArray(3, con.createArrayOf("text", caller.roles().stream().sorted().toArray()));
            ps.setString(4, caller.agency());
            ps.setString(5, change.operation().name());
            ps.setString(6, change.subject());
            ps.setArray(7, change.versions() == null ? null : con.createArrayOf("integer", change.versions().toArray()));
            if (change.schemaId() == null) {
                ps.setNull(8, Types.INTEGER);
            } else {
                ps.setInt(8, change.schemaId());
            }
            ps.setString(9, change.compatibility());
            ps.setString(10, outcome);
            ps.setString(11, reason);
            return ps;
        });
    }

    private static Write write(ResultSet rs) throws SQLException {
        Integer schemaId = rs.getObject("schema_id", Integer.class);
        return new Write(rs.getLong("id"), instant(rs.getTimestamp("written_at")), rs.getString("principal"),
                strings(rs.getArray("roles")), rs.getString("agency"), Operation.valueOf(rs.getString("operation")),
                rs.getString("subject"), integers(rs.getArray("versions")), schemaId, rs.getString("compatibility"),
                rs.getString("outcome"), rs.getString("reason"));
    }

    private static List<Integer> integers(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Integer[]) array.getArray());
    }
}
