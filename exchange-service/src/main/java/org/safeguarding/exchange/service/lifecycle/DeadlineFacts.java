package org.safeguarding.exchange.service.lifecycle;

import static org.safeguarding.exchange.service.register.internal.SqlValues.utc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.exchange.service.register.Recorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the deadline rules need: the requests still open, the active hazards and the last contact on each case. Kept
 * in tables derived from the register (V5, V11), written in the register's own transaction from the entries it wrote
 * as new, so that nothing read can disagree with the register, and a reminder run reads only what can be due: not
 * the whole register, nor every open request, active hazard or case.
 */
@Component
public class DeadlineFacts {

    private final JdbcTemplate jdbc;
    private final ConsentHazardStore hazards;

    DeadlineFacts(JdbcTemplate jdbc, ConsentHazardStore hazards) {
        this.jdbc = jdbc;
        this.hazards = hazards;
    }

    /**
     * Takes in the accepted entries the register wrote as new (lifecycle_note_deadline_facts, V11). Must run in the
     * register's transaction; replays and duplicates change nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordNew(List<Recorded> recorded) {
        Long[] sequences = recorded.stream()
                .filter(Recorded::newlyAccepted)
                .map(r -> r.entry().sequence()).toArray(Long[]::new);
        if (sequences.length > 0) {
            jdbc.execute("select lifecycle_note_deadline_facts(?)", (PreparedStatementCallback<Boolean>) ps -> {
                ps.setArray(1, ps.getConnection().createArrayOf("bigint", sequences));
                return ps.execute();
            });
        }
    }

    /**
     * Accepted requests with no accepted ShareDecision from their recipient, addressed to their requester, naming
     * their requestId, as their latest accepted version states them; only those made before {@code requestedBefore}
     * when it is given.
     */
    List<OpenRequest> openRequests(Instant requestedBefore) {
        String sql = """
                select request_id, case_reference, requester_agency, recipient_agency, requested_at, urgent
                  from lifecycle_request
                 where recipient_agency is not null and not (recipient_agency = any (answered_by))""";
        RowMapper<OpenRequest> request = (rs, i) -> new OpenRequest(rs.getString("request_id"), rs.getString("case_reference"),
                rs.getString("requester_agency"), rs.getString("recipient_agency"), rs.getTimestamp("requested_at").toInstant(),
                rs.getBoolean("urgent"));
        return requestedBefore == null ? jdbc.query(sql, request)
                : jdbc.query(sql + " and requested_at < ?", request, utc(requestedBefore));
    }

    /** The hazards not withdrawn whose review date is on or before {@code reviewDueBy}, with the agency that raised each. */
    List<ActiveHazard> activeHazards(LocalDate reviewDueBy) {
        return hazards.activeHazards(reviewDueBy.plusDays(1)).stream()
                .map(h -> new ActiveHazard(h.hazardId(), h.caseReference(), h.raisingAgency(), h.reviewDue())).toList();
    }

    /**
     * The cases whose latest accepted entry happened before {@code quietSince}: when it happened, which agency sent
     * it, and the case's latest bring-up decision.
     */
    List<CaseContact> caseContactsQuietSince(Instant quietSince) {
        return jdbc.query("""
                select c.case_reference, c.last_contact_at, c.agency,
                       (select max(d.decided_at) from lifecycle_bring_up_decision d where d.case_reference = c.case_reference) as decided_at
                  from lifecycle_case_contact c
                 where c.last_contact_at < ?
                """, (rs, i) -> {
            Timestamp decided = rs.getTimestamp("decided_at");
            return new CaseContact(rs.getString("case_reference"), rs.getTimestamp("last_contact_at").toInstant(),
                    rs.getString("agency"), decided == null ? null : decided.toInstant());
        }, utc(quietSince));
    }
}
