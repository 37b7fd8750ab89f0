-- The hazard states and the people each case involves, derived from every accepted consent outcome and hazard action
-- of the register: each hazard as its newest accepted action left it.

-- A list field of the readable JSON as text[]. Entries registered before lists were written as JSON arrays hold
-- them as one string, "[A, B]"; both forms are read.
create or replace function lifecycle_text_list(list jsonb) returns text[] language sql immutable as $$
    select case
        when list is null or jsonb_typeof(list) = 'null' then '{}'::text[]
        when jsonb_typeof(list) = 'array' then array(select jsonb_array_elements_text(list))
        when btrim(list #>> '{}', '[] ') = '' then '{}'::text[]
        else string_to_array(btrim(list #>> '{}', '[]'), ', ')
    end
$$;

insert into lifecycle_case_person (person_reference, case_reference, first_sequence)
select person, case_reference, min(sequence) from (
    select message_json ->> 'personReference' as person, case_reference, sequence from register_entry
    where outcome = 'ACCEPTED' and record_type = 'ConsentOutcome' and message_json ->> 'personReference' is not null
    union all
    select unnest(lifecycle_text_list(message_json -> 'linkedChildren')), case_reference, sequence from register_entry
    where outcome = 'ACCEPTED' and record_type = 'HazardNotification'
) involved
group by person, case_reference;

insert into lifecycle_hazard (hazard_id, status, last_action, category, case_reference, person_reference, linked_children,
                              raising_agency, notify_agencies, review_due, raised_at, last_occurred_at, raised_sequence, last_sequence)
select distinct on (e.message_json ->> 'hazardId')
       e.message_json ->> 'hazardId',
       case when e.message_json ->> 'action' = 'WITHDRAWN' then 'WITHDRAWN' else 'ACTIVE' end,
       e.message_json ->> 'action',
       e.message_json ->> 'category',
       e.case_reference,
       e.message_json ->> 'personReference',
       lifecycle_text_list(e.message_json -> 'linkedChildren'),
       first.sending_agency,
       lifecycle_text_list(e.message_json -> 'notifyAgencies'),
       (e.message_json ->> 'reviewDue')::date,
       first.occurred_at,
       e.occurred_at,
       first.sequence,
       e.sequence
from register_entry e
join lateral (
    select f.sending_agency, f.occurred_at, f.sequence from register_entry f
    where f.outcome = 'ACCEPTED' and f.record_type = 'HazardNotification'
      and f.message_json ->> 'hazardId' = e.message_json ->> 'hazardId'
    order by f.sequence limit 1
) first on true
where e.outcome = 'ACCEPTED' and e.record_type = 'HazardNotification'
order by e.message_json ->> 'hazardId', e.sequence desc;
