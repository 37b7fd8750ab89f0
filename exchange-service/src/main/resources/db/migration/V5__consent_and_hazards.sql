-- Consent and hazards over time.
--
-- Consent positions are not stored: they are derived, per batch and per query, from the register's accepted
-- consent outcomes (register_entry, found by case_reference), so they cannot drift from the register.
--
-- Hazards are kept as their current state, one row per hazardId (Derby section 4: raised, updated, reviewed,
-- withdrawn), because "active hazards linked to this child" and "due for review" must be answered without replaying
-- every action. A row is written in the same database transaction as the register entry of the action, and only
-- for entries the register wrote as new, so a replayed or duplicate message never applies twice.

create table lifecycle_hazard (
    hazard_id         text        primary key,
    status            text        not null check (status in ('ACTIVE', 'WITHDRAWN')),
    last_action       text        not null check (last_action in ('RAISED', 'UPDATED', 'REVIEWED', 'WITHDRAWN')),
    category          text        not null,
    case_reference    text        not null,
    -- the person presenting the hazard: the warning is attached to their record
    person_reference  text        not null,
    -- the children whose records signpost it
    linked_children   text[]      not null,
    raising_agency    text        not null,
    notify_agencies   text[]      not null,
    review_due        date        not null,
    raised_at         timestamptz not null,
    last_occurred_at  timestamptz not null,
    raised_sequence   bigint      not null,
    -- the register entry of the last action applied; checked before each write so concurrent writers cannot interleave
    last_sequence     bigint      not null
);

create index lifecycle_hazard_children_idx on lifecycle_hazard using gin (linked_children);
create index lifecycle_hazard_person_idx on lifecycle_hazard (person_reference);
create index lifecycle_hazard_case_idx on lifecycle_hazard (case_reference);
create index lifecycle_hazard_review_idx on lifecycle_hazard (review_due) where status = 'ACTIVE';

-- The people each case involves: named by an accepted consent outcome (personReference) or a child linked to a
-- hazard raised in it (linkedChildren). It answers "which cases are about this child" for related hazards and for
-- addressing a hazard to every agency that has exchanged messages about a linked child.
create table lifecycle_case_person (
    person_reference  text   not null,
    case_reference    text   not null,
    first_sequence    bigint not null,
    primary key (person_reference, case_reference)
);

create index lifecycle_case_person_case_idx on lifecycle_case_person (case_reference);

-- A register that already holds entries gets the same state it would have had: involvements from every accepted
-- consent outcome and hazard, and each hazard as its newest accepted action left it.

-- A list field of the readable JSON as text[]. Entries registered before lists were written as JSON arrays hold
-- them as one string, "[A, B]"; both forms are read.
create function lifecycle_text_list(list jsonb) returns text[] language sql immutable as $$
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
