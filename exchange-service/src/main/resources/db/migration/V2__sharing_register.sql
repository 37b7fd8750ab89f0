-- The sharing register: one entry per message received, append-only, each entry chained by SHA-256 to the
-- previous entry of its chain (one chain per intake partition, so that writers never wait on one global head).

create table register_entry (
    sequence             bigint      primary key,
    message_id           text        not null unique,
    chain_id             text        not null,
    chain_position       bigint      not null,
    previous_hash        bytea       not null,
    entry_hash           bytea       not null,
    outcome              text        not null check (outcome in ('ACCEPTED', 'REJECTED', 'UNDECODABLE')),
    record_type          text,
    source_topic         text        not null,
    source_partition     integer     not null,
    source_offset        bigint      not null,
    sender               text,
    received_at          timestamptz not null,
    -- searchable facts, derived from the payload
    case_reference       text,
    sending_agency       text,
    recipient_agencies   text[]      not null default '{}',
    requester_name       text,
    decision             text,
    consent_status       text,
    occurred_at          timestamptz,
    recorded_at          timestamptz,
    corrects_message_id  text,
    request_id           text,
    late_entry           boolean     not null,
    flags                text[]      not null default '{}',
    violations           jsonb       not null default '[]',
    -- the message: the exact bytes sent (the evidence the hash covers) and a readable form
    schema_id            integer,
    payload              bytea,
    payload_sha256       bytea       not null,
    payload_size         integer     not null,
    message_json         jsonb,
    -- a second writer for the same chain position (a fenced-out instance) fails instead of forking the chain
    unique (chain_id, chain_position)
);

create sequence register_entry_sequence as bigint;

create index register_entry_case_idx on register_entry (case_reference, sequence desc);
create index register_entry_sending_agency_idx on register_entry (sending_agency, sequence desc);
create index register_entry_recipients_idx on register_entry using gin (recipient_agencies);
create index register_entry_type_idx on register_entry (record_type, sequence desc);
create index register_entry_request_idx on register_entry (request_id) where request_id is not null;
create index register_entry_occurred_idx on register_entry (occurred_at);
create index register_entry_late_idx on register_entry (sequence) where late_entry;

-- Contract rule 6: nothing is deleted or changed. The database refuses it, whoever asks.
create function register_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the sharing register is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger register_entry_no_update before update or delete on register_entry
    for each row execute function register_refuse_change();
create trigger register_entry_no_truncate before truncate on register_entry
    for each statement execute function register_refuse_change();
