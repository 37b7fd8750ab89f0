package org.safeguarding.exchange.service.deadlines.internal;

import static org.safeguarding.exchange.service.sql.SqlValues.utc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the deadline facts: {@code lifecycle_request} (one row per requester and requestId: the request as its
 * latest accepted version states it, and the agencies whose accepted decisions answered it) and
 * {@code lifecycle_case_contact} (one row per case: its latest accepted entry). A decision registered before its
 * request leaves a row with only answered_by, which the request then completes; both writers meet on the primary key,
 * so neither can miss the other. Writing the same facts twice changes nothing.
 */
@Repository
public class DeadlineFactStore {

    private final JdbcTemplate jdbc;

    DeadlineFactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A request by the agency that made it: two agencies may both number a request "REQ-1". */
    public record RequestKey(String requesterAgency, String requestId) implements Comparable<RequestKey> {

        private static final Comparator<RequestKey> ORDER = Comparator.comparing(RequestKey::requesterAgency)
                .thenComparing(RequestKey::requestId);

        @Override
        public int compareTo(RequestKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** A request as one accepted version of it states it, registered at {@code sequence}. */
    public record RequestVersion(RequestKey key, String caseReference, String recipientAgency, Instant requestedAt, boolean urgent,
            long sequence) {
    }

    /** Agencies whose accepted decisions answer a request. */
    public record Answers(RequestKey key, List<String> answeredBy) {
    }

    /** An accepted entry on a case: when it happened, the agency that sent it, and its register sequence. */
    public record Contact(String caseReference, Instant lastContactAt, String agency, long lastSequence) {
    }

    /** Each request as these versions state it, unless a later version is already written. */
    public void writeRequests(List<RequestVersion> versions) {
        jdbc.batchUpdate("""
                insert into lifecycle_request as r (requester_agency, request_id, case_reference, recipient_agency, requested_at,
                                                    urgent, last_sequence)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (requester_agency, request_id) do update
                   set case_reference = excluded.case_reference, recipient_agency = excluded.recipient_agency,
                       requested_at = excluded.requested_at, urgent = excluded.urgent, last_sequence = excluded.last_sequence
                 where r.last_sequence is null or r.last_sequence < excluded.last_sequence""", versions, versions.size(), (ps, v) -> {
                    ps.setString(1, v.key().requesterAgency());
                    ps.setString(2, v.key().requestId());
                    ps.setString(3, v.caseReference());
                    ps.setString(4, v.recipientAgency());
                    ps.setObject(5, utc(v.requestedAt()));
                    ps.setBoolean(6, v.urgent());
                    ps.setLong(7, v.sequence());
                });
    }

    /** Adds the answering agencies to each request, kept distinct and sorted. */
    public void writeAnswers(List<Answers> answers) {
        jdbc.batchUpdate("""
                insert into lifecycle_request as r (requester_agency, request_id, answered_by)
                values (?, ?, array(select distinct a from unnest(?::text[]) as a order by a))
                on conflict (requester_agency, request_id) do update
                   set answered_by = array(select distinct a from unnest(r.answered_by || excluded.answered_by) as a order by a)
                 where not (excluded.answered_by <@ r.answered_by)""", answers, answers.size(), (ps, a) -> {
                    ps.setString(1, a.key().requesterAgency());
                    ps.setString(2, a.key().requestId());
                    ps.setArray(3, ps.getConnection().createArrayOf("text", a.answeredBy().toArray()));
                });
    }

    /** Each case's latest contact, unless a later one (by when it happened, then by sequence) is already written. */
    public void writeContacts(List<Contact> contacts) {
        jdbc.batchUpdate("""
                insert into lifecycle_case_contact as c (case_reference, last_contact_at, agency, last_sequence)
                values (?, ?, ?, ?)
                on conflict (case_reference) do update
                   set last_contact_at = excluded.last_contact_at, agency = excluded.agency, last_sequence = excluded.last_sequence
                 where (c.last_contact_at, c.last_sequence) < (excluded.last_contact_at, excluded.last_sequence)""",
                contacts, contacts.size(), (ps, c) -> {
                    ps.setString(1, c.caseReference());
                    ps.setObject(2, utc(c.lastContactAt()));
                    ps.setString(3, c.agency());
                    ps.setLong(4, c.lastSequence());
                });
    }

    /** Requests still waiting for their recipient's answer; only those made before {@code requestedBefore} when given. */
    public List<OpenRequest> openRequests(Instant requestedBefore) {
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

    /** The cases whose latest contact happened before {@code quietSince}, with each case's latest bring-up decision. */
    public List<CaseContact> caseContactsQuietSince(Instant quietSince) {
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
