-- The register's Merkle tree and its signed checkpoints. Leaves are assigned by one signer at a time, to committed
-- entries in sequence order, up to a watermark below which no entry can still appear (see checkpoints/LeafAssigner),
-- so a leaf's index never changes once given. Both tables are append-only, like the register itself.

create table register_leaf (
    leaf_index      bigint primary key,
    -- no foreign key: it would answer a TRUNCATE of the register before its append-only trigger does, and a leaf whose
    -- entry is gone is what verification reports
    entry_sequence  bigint not null unique,
    -- RFC 6962 leaf hash: SHA-256(0x00 || the entry's canonical encoding)
    leaf_hash       bytea  not null check (length(leaf_hash) = 32)
);

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

create trigger register_leaf_no_update before update or delete on register_leaf
    for each row execute function register_refuse_change();
create trigger register_leaf_no_truncate before truncate on register_leaf
    for each statement execute function register_refuse_change();
create trigger register_checkpoint_no_update before update or delete on register_checkpoint
    for each row execute function register_refuse_change();
create trigger register_checkpoint_no_truncate before truncate on register_checkpoint
    for each statement execute function register_refuse_change();
