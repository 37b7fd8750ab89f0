-- Which signed checkpoints have reached exchange.register-checkpoints, so that publishing is driven from the database
-- like every other delivery: a checkpoint committed here and not yet on the topic (the instance stopped, or Kafka
-- refused, in between) is published by the next round of whichever instance signs, instead of being lost with the
-- memory of the one that signed it. Checkpoints go out in tree order, so the largest tree size here marks how far
-- publishing has come. A checkpoint published but not yet marked (a crash between the two) goes out once more:
-- harmless, since it is the same signed statement, and readers keep one per tree size.
create table register_checkpoint_publication (
    -- no foreign key, as for register_leaf: it would answer a TRUNCATE of the checkpoints before their trigger does
    tree_size     bigint      primary key,
    published_at  timestamptz not null
);

create trigger register_checkpoint_publication_no_update before update or delete on register_checkpoint_publication
    for each row execute function register_refuse_change();
create trigger register_checkpoint_publication_no_truncate before truncate on register_checkpoint_publication
    for each statement execute function register_refuse_change();

-- Checkpoints signed before this table existed were published from memory as they were signed: mark them, so that
-- an upgrade does not publish the register's whole history of checkpoints again.
insert into register_checkpoint_publication (tree_size, published_at)
select tree_size, issued_at from register_checkpoint;
