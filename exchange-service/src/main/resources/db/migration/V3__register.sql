-- Tables of the register module (org.safeguarding.exchange.service.register): the sharing register. No other module's
-- SQL reads or writes them; other modules keep what they need from the entries the register records.

-- One entry per message received, append-only, each chained by SHA-256 to the previous entry of its chain (one chain
-- per intake partition, so that writers never wait on one global head).
--
-- A row stays whole up to 4 kB (toast_tuple_target): most messages, JSON and bytes together, are just over the
-- default 2 kB threshold, and a TOASTed row costs every write and read a second heap row and index entry. Autovacuum
-- sleeps longer between rounds of page work (cost delay 20 ms), so that vacuuming a table that grows by every poll
-- does not stall the commits of the polls running meanwhile; the work is the same, spread out.
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
) with (toast_tuple_target = 4080, autovacuum_vacuum_cost_delay = 20);

-- Searches use the columns and indexes made for them, never the whole message or its bytes: ANALYZE need not read them.
alter table register_entry alter column message_json set statistics 0;
alter table register_entry alter column payload set statistics 0;

-- Register sequences are allocated ahead of the write, a batch at a time.
create sequence register_entry_sequence as bigint;

-- Auditor filters, newest first: by case, sending agency, recipient, record type, requester; by time; late entries.
create index register_entry_case_idx on register_entry (case_reference, sequence desc);
create index register_entry_sending_agency_idx on register_entry (sending_agency, sequence desc);
create index register_entry_recipients_idx on register_entry using gin (recipient_agencies);
create index register_entry_type_idx on register_entry (record_type, sequence desc);
create index register_entry_requester_idx on register_entry (requester_name, sequence desc) where requester_name is not null;
create index register_entry_occurred_idx on register_entry (occurred_at);
create index register_entry_received_idx on register_entry (received_at);
create index register_entry_late_idx on register_entry (sequence) where late_entry;
-- Every entry of a request, for auditors.
create index register_entry_request_idx on register_entry (request_id) where request_id is not null;
-- An accepted request by requestId (its parties, when intake addresses a consent outcome answering it), and an accepted
-- decision answering one (requests still unanswered). Each predicate is its query's own, so that a prepared
-- statement's generic plan is an index look-up whatever the statistics say.
create index register_entry_accepted_request_idx on register_entry (request_id)
    where record_type = 'ShareRequest' and outcome = 'ACCEPTED';
create index register_entry_accepted_decision_idx on register_entry (request_id)
    where record_type = 'ShareDecision' and outcome = 'ACCEPTED';

create trigger register_entry_no_update before update or delete on register_entry
    for each row execute function refuse_change();
create trigger register_entry_no_truncate before truncate on register_entry
    for each statement execute function refuse_change();
