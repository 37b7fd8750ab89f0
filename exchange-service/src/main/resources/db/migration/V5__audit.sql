-- Tables of the audit module (org.safeguarding.exchange.service.audit): who has read the register.

-- One row per read (or refused read) of the register through the HTTP API, append-only, so that "who has looked at
-- this child's records?" has an answer nobody can edit away.
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

-- Who read a case: the case asked about, or any case returned; who a principal read; the bulk reads, newest first.
create index access_log_case_idx on access_log (case_reference, id desc);
create index access_log_cases_idx on access_log using gin (case_references);
create index access_log_principal_idx on access_log (principal, id desc);
create index access_log_bulk_idx on access_log (id desc) where case_references is null;

create trigger access_log_no_update before update or delete on access_log
    for each row execute function refuse_change();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function refuse_change();
