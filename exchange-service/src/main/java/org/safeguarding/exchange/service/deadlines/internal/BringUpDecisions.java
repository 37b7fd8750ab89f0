package org.safeguarding.exchange.service.deadlines.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Bring-up decisions, append-only (the database refuses to change or delete one). */
@Component
public class BringUpDecisions {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BringUpDecisions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public BringUpDecision record(String caseReference, String decidedBy, BringUpDecision.Decision decision, String reason) {
        BringUpDecision recorded = new BringUpDecision(caseReference, decidedBy, decision, reason,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.update("insert into lifecycle_bring_up_decision (case_reference, decided_by, decision, reason, decided_at) values (?, ?, ?, ?, ?)",
                caseReference, decidedBy, decision.name(), reason, Timestamp.from(recorded.decidedAt()));
        return recorded;
    }

    public List<BringUpDecision> of(String caseReference) {
        return jdbc.query("""
                select case_reference, decided_by, decision, reason, decided_at from lifecycle_bring_up_decision
                 where case_reference = ? order by decision_id
                """, (rs, i) -> new BringUpDecision(rs.getString("case_reference"), rs.getString("decided_by"),
                BringUpDecision.Decision.valueOf(rs.getString("decision")), rs.getString("reason"),
                rs.getTimestamp("decided_at").toInstant()), caseReference);
    }
}
