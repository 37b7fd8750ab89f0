-- The requests still waiting for an answer and the last contact on each case, as the database function that wrote them
-- took in the register entries of the given sequences: run over every accepted entry, it gives what the deadline module
-- must have written as they were registered.
create function lifecycle_note_deadline_facts(new_sequences bigint[]) returns void language plpgsql as $$
begin
    with new_entry as materialized (select * from register_entry where sequence = any (new_sequences))
    insert into lifecycle_request as r (requester_agency, request_id, case_reference, recipient_agency, requested_at, urgent,
                                        last_sequence)
    select distinct on (sending_agency, request_id)
           sending_agency, request_id, case_reference, recipient_agencies[1], coalesce(occurred_at, received_at),
           coalesce((message_json ->> 'urgent')::boolean, false), sequence
      from new_entry
     where record_type = 'ShareRequest' and outcome = 'ACCEPTED'
       and request_id is not null and sending_agency is not null and cardinality(recipient_agencies) > 0
     order by sending_agency, request_id, sequence desc
    on conflict (requester_agency, request_id) do update
       set case_reference = excluded.case_reference, recipient_agency = excluded.recipient_agency,
           requested_at = excluded.requested_at, urgent = excluded.urgent, last_sequence = excluded.last_sequence
     where r.last_sequence is null or r.last_sequence < excluded.last_sequence;

    with new_entry as materialized (select * from register_entry where sequence = any (new_sequences))
    insert into lifecycle_request as r (requester_agency, request_id, answered_by)
    select requester, request_id, array_agg(distinct sending_agency order by sending_agency)
      from new_entry cross join lateral unnest(recipient_agencies) as requester
     where record_type = 'ShareDecision' and outcome = 'ACCEPTED' and request_id is not null and sending_agency is not null
     group by requester, request_id
     order by requester, request_id
    on conflict (requester_agency, request_id) do update
       set answered_by = array(select distinct a from unnest(r.answered_by || excluded.answered_by) as a order by a)
     where not (excluded.answered_by <@ r.answered_by);

    with new_entry as materialized (select * from register_entry where sequence = any (new_sequences))
    insert into lifecycle_case_contact as c (case_reference, last_contact_at, agency, last_sequence)
    select distinct on (case_reference) case_reference, coalesce(occurred_at, received_at), sending_agency, sequence
      from new_entry
     where outcome = 'ACCEPTED' and case_reference is not null and sending_agency is not null
     order by case_reference, coalesce(occurred_at, received_at) desc, sequence desc
    on conflict (case_reference) do update
       set last_contact_at = excluded.last_contact_at, agency = excluded.agency, last_sequence = excluded.last_sequence
     where (c.last_contact_at, c.last_sequence) < (excluded.last_contact_at, excluded.last_sequence);
end;
$$;

select lifecycle_note_deadline_facts(array(select sequence from register_entry where outcome = 'ACCEPTED'));
