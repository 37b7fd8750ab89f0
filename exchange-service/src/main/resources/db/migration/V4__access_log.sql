-- Who has read the register: one row per read (or refused read) through the HTTP API, append-only like the
-- register itself, so that "who has looked at this child's records?" has an answer nobody can edit away.

create table access_log (
    id               bigint generated always as identity primary key,
    accessed_at      timestamptz not null default now(),
    principal        text        not null,
    roles            text[]      not null default '{}',
    agency           text,
    action           text        not null,
    query            jsonb       not null default '{}',
    -- the case the request asked about, if it named one
    case_reference   text,
    -- the distinct cases whose entries were returned; null when a bulk read returned too many to list
    case_references  text[],
    row_count        bigint      not null default 0,
    outcome          text        not null check (outcome in ('ALLOWED', 'REFUSED')),
    reason           text
);

create index access_log_case_idx on access_log (case_reference, id desc);
create index access_log_cases_idx on access_log using gin (case_references);
create index access_log_principal_idx on access_log (principal, id desc);
create index access_log_bulk_idx on access_log (id desc) where case_references is null;

create function access_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the access log is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger access_log_no_update before update or delete on access_log
    for each row execute function access_log_refuse_change();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_refuse_change();

-- Auditor filters that the register's own indexes do not serve.
create index register_entry_requester_idx on register_entry (requester_name, sequence desc) where requester_name is not null;
create index register_entry_received_idx on register_entry (received_at);
