package org.safeguarding.exchange.service.consent.internal;

import static org.safeguarding.exchange.service.sql.SqlValues.instant;
import static org.safeguarding.exchange.service.sql.SqlValues.utc;

import exchange.v1.ConsentStatus;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.safeguarding.exchange.service.consent.ConsentEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The SQL of {@code consent_outcome}: the accepted consent outcomes, one row per register entry. */
@Repository
public class ConsentStore {

    private final JdbcTemplate jdbc;

    ConsentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The accepted consent outcomes of these cases, in register order. */
    public List<ConsentEntry> outcomesOf(Collection<String> cases) {
        List<ConsentEntry> entries = new ArrayList<>();
        if (cases.isEmpty()) {
            return entries;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select sequence, message_id, case_reference, person_reference, status, given_by, limits, occurred_at, agency,
                           corrects_message_id
                      from consent_outcome where case_reference = any(?) order by sequence""");
            ps.setArray(1, con.createArrayOf("text", cases.toArray()));
            return ps;
        }, (RowCallbackHandler) rs -> entries.add(new ConsentEntry(rs.getString("message_id"), rs.getLong("sequence"),
                rs.getString("case_reference"), rs.getString("person_reference"), ConsentStatus.valueOf(rs.getString("status")),
                rs.getString("given_by"), rs.getString("limits"), instant(rs.getTimestamp("occurred_at")), rs.getString("agency"),
                rs.getString("corrects_message_id"))));
        return entries;
    }

    /** Writes outcomes that have their register sequence. */
    public void insert(List<ConsentEntry> outcomes) {
        jdbc.batchUpdate("""
                insert into consent_outcome (sequence, message_id, case_reference, person_reference, status, given_by, limits,
                                             occurred_at, agency, corrects_message_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", outcomes, outcomes.size(), (ps, o) -> {
                    ps.setLong(1, o.sequence());
                    ps.setString(2, o.messageId());
                    ps.setString(3, o.caseReference());
                    ps.setString(4, o.personReference());
                    ps.setString(5, o.status().name());
                    ps.setString(6, o.givenBy());
                    ps.setString(7, o.limits());
                    ps.setObject(8, utc(o.occurredAt()));
                    ps.setString(9, o.agency());
                    ps.setString(10, o.correctsMessageId());
                });
    }
}
