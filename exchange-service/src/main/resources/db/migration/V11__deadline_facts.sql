-- What the deadline rules read (DeadlineFacts): the requests still waiting for an answer and the last contact on each
-- case, kept up to date as entries are registered instead of derived from the whole register at every reminder run.
-- Deriving them read every share request, every decision and every accepted entry once a minute on every instance:
-- 0.5-1.6 s of database work per run at 220,000 entries, growing with the register, and at a steady 1,000 msg/s the
-- polls that ran meanwhile were the slowest of a measurement (benchmarks/README.md). Hazards already have their state
-- table (lifecycle_hazard, V5).
--
-- Both tables are derived from the register and written in the register's own transaction, from the entries it wrote
-- as new, so they cannot disagree with it; a replayed message writes nothing. Writing the same entries twice changes
-- nothing, which is what lets this migration fill them from a register that already holds entries.

-- One row per (requester, requestId): the request as its latest accepted version states it, and the agencies whose
-- accepted ShareDecision answered it. A decision registered before its request (on another topic, read by another
-- consumer) leaves a row with only answered_by, which the request then completes; both writers meet on the primary key,
-- so neither can miss the other.
create table lifecycle_request (
    requester_agency  text        not null,
    request_id        text        not null,
    case_reference    text,
    recipient_agency  text,
    requested_at      timestamptz,
    urgent            boolean,
    last_sequence     bigint,
    answered_by       text[]      not null default '{}',
    primary key (requester_agency, request_id)
);

-- A reminder run reads only the requests still open, whatever the register's size.
create index lifecycle_request_open_idx on lifecycle_request (requested_at)
    where recipient_agency is not null and not (recipient_agency = any (answered_by));

-- One row per case: its latest accepted entry by the time it happened (then by sequence), and the agency that sent it.
create table lifecycle_case_contact (
    case_reference   text        primary key,
    last_contact_at  timestamptz not null,
    agency           text        not null,
    last_sequence    bigint      not null
);

-- A reminder run reads only the cases quiet for about the bring-up period.
create index lifecycle_case_contact_last_idx on lifecycle_case_contact (last_contact_at);

-- Hazards are read from lifecycle_hazard now; nothing reads them out of the register by hazardId any more, and every
-- hazard notification registered paid for this index.
drop index register_entry_hazard_idx;

alter table lifecycle_request set (autovacuum_vacuum_cost_delay = 20);
alter table lifecycle_case_contact set (autovacuum_vacuum_cost_delay = 20);

-- Takes in the register entries of these sequences (those rejected or undecodable change nothing). Rows are written in
-- key order, so two writers that touch the same rows lock them in the same order. Each statement reads the entries in
-- a CTE of their sequences alone, so that its only way in is the primary key: with the other conditions beside
-- "sequence = any (...)", the cached plan read the whole partial index of V7 or V9 (every accepted request or
-- decision ever) and filtered it by sequence, 0.28 s per poll at 200,000 entries, and joined from unnest() while the
-- register was not yet analysed, 2.3 s.
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
