-- Tables of the registry module (org.safeguarding.exchange.service.registry): who changed the schema registry.

-- One row per change of the registry (a new schema version, a compatibility level set or removed, a subject or a
-- version deleted) and per change refused for want of the ADMIN role, append-only, so that "who loosened this
-- subject's compatibility?" has an answer nobody can edit away. Registering a schema the subject already has changes
-- nothing and is not kept.
create table registry_write (
    id            bigint generated always as identity primary key,
    written_at    timestamptz not null,
    principal     text        not null,
    roles         text[]      not null default '{}',
    agency        text,
    operation     text        not null,
    -- null: the global compatibility level
    subject       text,
    -- the versions registered or deleted
    versions      integer[],
    schema_id     integer,
    -- the level set, or the one removed
    compatibility text,
    outcome       text        not null check (outcome in ('ACCEPTED', 'REFUSED')),
    reason        text
);

-- A subject's history and a principal's writes, newest first.
create index registry_write_subject_idx on registry_write (subject, id desc);
create index registry_write_principal_idx on registry_write (principal, id desc);

create trigger registry_write_no_update before update or delete on registry_write
    for each row execute function refuse_change();
create trigger registry_write_no_truncate before truncate on registry_write
    for each statement execute function refuse_change();
