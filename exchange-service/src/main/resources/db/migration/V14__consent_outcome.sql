-- The consent module keeps the accepted consent outcomes it reads, and the deadline facts are written from Java: no
-- SQL outside the register reads register_entry.
create table consent_outcome (
    case_reference       text        not null,
    sequence             bigint      not null,
    message_id           text        not null,
    person_reference     text,
    status               text        not null,
    given_by             text,
    limits               text,
    occurred_at          timestamptz not null,
    agency               text        not null,
    corrects_message_id  text,
    primary key (case_reference, sequence)
) with (autovacuum_vacuum_cost_delay = 20);

drop function lifecycle_note_deadline_facts(bigint[]);
drop index register_entry_accepted_consent_idx;
