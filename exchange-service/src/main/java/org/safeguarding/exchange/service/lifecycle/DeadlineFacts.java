package org.safeguarding.exchange.service.lifecycle;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the deadline rules need, read out of the sharing register (accepted entries only) and the bring-up decisions.
 * Read-only: the register stays the one record of what happened, and nothing here can drift from it.
 */
@Component
class DeadlineFacts {

    private final JdbcTemplate jdbc;

    DeadlineFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Accepted requests with no accepted ShareDecision from their recipient, addressed to their requester, naming
     * their requestId. A corrected request is taken as its latest accepted version.
     */
    List<OpenRequest> openRequests() {
        return jdbc.query("""
                select distinct on (r.sending_agency, r.request_id)
                       r.request_id, r.case_reference, r.sending_agency, r.recipient_agencies[1] as recipient,
                       coalesce(r.occurred_at, r.received_at) as requested_at,
                       coalesce((r.message_json ->> 'urgent')::boolean, false) as urgent
                  from register_entry r
                 where r.record_type = 'ShareRequest' and r.outcome = 'ACCEPTED' and r.request_id is not null
                   and cardinality(r.recipient_agencies) > 0
                   and not exists (select 1 from register_entry d
                                    where d.record_type = 'ShareDecision' and d.outcome = 'ACCEPTED'
                                      and d.request_id = r.request_id
                                      and d.sending_agency = r.recipient_agencies[1]
                                      and r.sending_agency = any (d.recipient_agencies))
                 order by r.sending_agency, r.request_id, r.sequence desc
                """, (rs, i) -> new OpenRequest(rs.getString("request_id"), rs.getString("case_reference"),
                rs.getString("sending_agency"), rs.getString("recipient"), rs.getTimestamp("requested_at").toInstant(),
                rs.getBoolean("urgent")));
    }

    /** Each hazard as its latest accepted notification leaves it, unless withdrawn. */
    List<ActiveHazard> activeHazards() {
        return jdbc.query("""
                select * from (
                    select distinct on (sending_agency, message_json ->> 'hazardId')
                           message_json ->> 'hazardId' as hazard_id, case_reference, sending_agency,
                           message_json ->> 'action' as action, (message_json ->> 'reviewDue')::date as review_due
                      from register_entry
                     where record_type = 'HazardNotification' and outcome = 'ACCEPTED'
                     order by sending_agency, message_json ->> 'hazardId', sequence desc) latest
                 where action <> 'WITHDRAWN' and review_due is not null
                """, (rs, i) -> new ActiveHazard(rs.getString("hazard_id"), rs.getString("case_reference"),
                rs.getString("sending_agency"), rs.getDate("review_due").toLocalDate()));
    }

    /** Per case: the latest accepted entry (when, and which agency sent it) and the latest bring-up decision. */
    List<CaseContact> caseContacts() {
        return jdbc.query("""
                select c.case_reference, c.last_contact_at, c.agency, d.decided_at
                  from (select distinct on (case_reference) case_reference,
                               coalesce(occurred_at, received_at) as last_contact_at, sending_agency as agency
                          from register_entry
                         where outcome = 'ACCEPTED' and case_reference is not null and sending_agency is not null
                         order by case_reference, coalesce(occurred_at, received_at) desc, sequence desc) c
                  left join (select case_reference, max(decided_at) as decided_at
                               from lifecycle_bring_up_decision group by case_reference) d
                         on d.case_reference = c.case_reference
                """, (rs, i) -> {
            Timestamp decided = rs.getTimestamp("decided_at");
            return new CaseContact(rs.getString("case_reference"), rs.getTimestamp("last_contact_at").toInstant(),
                    rs.getString("agency"), decided == null ? null : decided.toInstant());
        });
    }
}
