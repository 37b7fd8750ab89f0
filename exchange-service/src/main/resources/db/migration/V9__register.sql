-- The register module's second migration (org.safeguarding.exchange.service.register): entries whose every served value
-- verifies, and message ids bound to the agency proven to have sent them. See SHARING-REGISTER.md.

-- Which version of the canonical encoding (register/EntryEncoding) an entry's hash covers. Entries already written keep
-- version 1 and verify as they always did; new entries are written with version 2, which also covers every searchable
-- fact, the proven sender, the signature and the schema. No default from now on: every writer names its version.
alter table register_entry add column entry_version smallint not null default 1 check (entry_version in (1, 2));
alter table register_entry alter column entry_version drop default;

-- The people a message names as data subjects (a consent outcome's person, a hazard's person and linked children):
-- what a subject access export by person looks for, under the hash in version 2.
alter table register_entry add column person_references text[] not null default '{}';
create index register_entry_person_idx on register_entry using gin (person_references);

-- The agency the exchange proved sent the message (null: not proven), and the sender's signature over it (null: not
-- signed). Both under the hash in version 2.
alter table register_entry add column proven_sender text;
alter table register_entry add column signature_key_id text;
alter table register_entry add column signature_signed_at timestamptz;
alter table register_entry add column signature bytea;
alter table register_entry add constraint register_entry_signature_whole
    check ((signature is null) = (signature_key_id is null) and (signature is null) = (signature_signed_at is null));
alter table register_entry alter column signature set statistics 0;

-- SHA-256 of the text of the schema the message names, as the registry gave it when the entry was written (null: the
-- message could not be decoded). Under the hash in version 2, so the message is only ever read back with that schema.
alter table register_entry add column schema_sha256 bytea check (length(schema_sha256) = 32);

-- The readable JSON is no longer stored: readers derive it from the exact bytes and the schema they name, both under the
-- hash, so what they are shown is what was hashed. The column goes, for old entries too (theirs is derived the same
-- way), rather than staying as a second, unverified copy that a query could read by mistake. It was over half the row.
alter table register_entry drop column message_json;

-- late_entry was a copy of the LATE_ENTRY flag, outside the hash. Queries read the flag, which every version hashes.
drop index register_entry_late_idx;
alter table register_entry drop column late_entry;
create index register_entry_late_idx on register_entry (sequence) where 'LATE_ENTRY' = any(flags);

-- Contract rule 5, bound to the sender: a message id is unique per proven sender, so an agency that learns another's
-- message id cannot send first and turn the real message into a duplicate. Messages from no proven sender share one
-- namespace. The message id leads, so the register's look-up of a batch's ids uses this index.
alter table register_entry drop constraint register_entry_message_id_key;
create unique index register_entry_message_idx on register_entry (message_id, (coalesce(proven_sender, '')));
