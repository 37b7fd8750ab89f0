package org.safeguarding.exchange.service.register;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the register for people: filtered, newest first, keyset-paged. Every value is a bound parameter. */
@Service
public class RegisterSearch {

    private final JdbcTemplate jdbc;

    RegisterSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<EntryView> find(EntryQuery q) {
        StringBuilder sql = new StringBuilder("""
                select sequence, message_id, outcome, record_type, case_reference, sending_agency, recipient_agencies,
                       requester_name, decision, consent_status, occurred_at, recorded_at, received_at, late_entry, flags,
                       violations::text as violations, chain_id, chain_position, previous_hash, entry_hash, source_topic,
                       source_partition, source_offset, schema_id, payload_size, message_json::text as message
                from register_entry where true""");
        List<Object> args = new ArrayList<>();
        if (q.caseReference() != null) {
            sql.append(" and case_reference = ?");
            args.add(q.caseReference());
        }
        if (q.agency() != null) {
            sql.append(" and (sending_agency = ? or sender = ? or ? = any(recipient_agencies))");
            args.add(q.agency());
            args.add(q.agency());
            args.add(q.agency());
        }
        if (q.recordType() != null) {
            sql.append(" and record_type = ?");
            args.add(q.recordType());
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
        sql.append(" order by sequence desc limit ?");
        args.add(q.limit());
        return jdbc.query(sql.toString(), (rs, i) -> view(rs), args.toArray());
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
                rs.getInt("payload_size"), rs.getString("message"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
