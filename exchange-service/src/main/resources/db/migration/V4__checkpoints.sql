-- Tables of the checkpoints module (org.safeguarding.exchange.service.checkpoints): the register's Merkle tree, its
-- signed checkpoints and which of them are published. All three are append-only, like the register itself.

-- One leaf per register entry. Leaves are assigned by one signer at a time, to committed entries in sequence order, up
-- to a watermark below which no entry can still appear, so a leaf's index never changes once given. Vacuumed gently,
-- as the register is: it grows with every poll.
create table register_leaf (
    leaf_index      bigint primary key,
    -- no foreign key: it would answer a TRUNCATE of the register before its append-only trigger does, and a leaf whose
    -- entry is gone is what verification reports
    entry_sequence  bigint not null unique,
    -- RFC 6962 leaf hash: SHA-256(0x00 || the entry's canonical encoding)
    leaf_hash       bytea  not null check (length(leaf_hash) = 32)
) with (autovacuum_vacuum_cost_delay = 20);

create table register_checkpoint (
    tree_size   bigint      primary key,
    root_hash   bytea       not null check (length(root_hash) = 32),
    issued_at   timestamptz not null,
    origin      text        not null,
    key_id      text        not null,
    signature   bytea       not null,
    -- the roots of the perfect subtrees making up the tree (32 bytes each, largest first), so that a signer resumes
    -- from the last checkpoint without rereading every leaf
    frontier    bytea       not null
);

-- Which signed checkpoints have reached exchange.register-checkpoints. Checkpoints go out in tree order, so the largest
-- tree size here marks how far publishing has come, and a checkpoint committed but not yet published (the instance
-- stopped, or Kafka refused, in between) is published by the next round of whichever instance signs. One published
-- but not yet marked goes out again: it is the same signed statement, and readers keep one per tree size.
create table register_checkpoint_publication (
    -- no foreign key, as for register_leaf: it would answer a TRUNCATE of the checkpoints before their trigger does
    tree_size     bigint      primary key,
    published_at  timestamptz not null
);

create trigger register_leaf_no_update before update or delete on register_leaf
    for each row execute function refuse_change();
create trigger register_leaf_no_truncate before truncate on register_leaf
    for each statement execute function refuse_change();
create trigger register_checkpoint_no_update before update or delete on register_checkpoint
    for each row execute function refuse_change();
create trigger register_checkpoint_no_truncate before truncate on register_checkpoint
    for each statement execute function refuse_change();
create trigger register_checkpoint_publication_no_update before update or delete on register_checkpoint_publication
    for each row execute function refuse_change();
create trigger register_checkpoint_publication_no_truncate before truncate on register_checkpoint_publication
    for each statement execute function refuse_change();
