-- Shared by every module that keeps an append-only table; owns no table.
--
-- The trigger function of every append-only table: the database refuses UPDATE, DELETE and TRUNCATE, whoever asks
-- (contract rule 6: nothing is deleted or changed; a correction is a new entry).

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
