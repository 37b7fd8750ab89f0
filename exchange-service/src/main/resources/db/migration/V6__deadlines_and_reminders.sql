-- Reminders the exchange has decided to send (the outbox) and bring-up decisions (append-only). See DEADLINES.md.

-- One row per reminder decided. The unique key is what makes each reminder happen once: every instance runs the
-- rules, and the row is inserted (ON CONFLICT DO NOTHING) in the transaction that decides to send it, so only one
-- decision per (kind, subject, due date) ever commits. published_at is set once the reminder is in the inbox.
create table lifecycle_reminder (
    reminder_id        uuid        primary key,
    kind               text        not null check (kind in ('REQUEST_OVERDUE', 'HAZARD_REVIEW_DUE', 'HAZARD_REVIEW_OVERDUE', 'CASE_BRING_UP')),
    subject_key        text        not null,
    subject_reference  text        not null,
    due_date           date        not null,
    case_reference     text        not null,
    agency             text        not null,
    due_at             timestamptz not null,
    sent_at            timestamptz not null,
    message            text        not null,
    decided_by         text        not null,
    published_at       timestamptz,
    unique (kind, subject_key, due_date)
);

create index lifecycle_reminder_unpublished_idx on lifecycle_reminder (sent_at) where published_at is null;

-- Where in the inbox a reminder was about to be written, committed before the Kafka transaction that writes it: if
-- the database commit after that Kafka transaction is lost, the next sender reads the inbox from this offset to learn
-- whether the reminder is there before writing it again. No foreign key: the reminder row is locked while this is
-- written from a second transaction.
create table lifecycle_reminder_attempt (
    attempt_id         bigint      generated always as identity primary key,
    reminder_id        uuid        not null,
    topic              text        not null,
    topic_partition    integer     not null,
    from_offset        bigint      not null,
    attempted_at       timestamptz not null,
    attempted_by       text        not null
);

create index lifecycle_reminder_attempt_idx on lifecycle_reminder_attempt (reminder_id, attempt_id desc);

-- Aspired Futures: "A record of the decision is logged." Append-only, like the register.
create table lifecycle_bring_up_decision (
    decision_id        bigint      generated always as identity primary key,
    case_reference     text        not null,
    decided_by         text        not null,
    decision           text        not null check (decision in ('FOLLOW_UP_CONTACT', 'NO_FURTHER_CONTACT')),
    reason             text        not null,
    decided_at         timestamptz not null
);

create index lifecycle_bring_up_decision_case_idx on lifecycle_bring_up_decision (case_reference, decided_at desc);

create function lifecycle_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'bring-up decisions are append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger lifecycle_bring_up_decision_no_update before update or delete on lifecycle_bring_up_decision
    for each row execute function lifecycle_refuse_change();
create trigger lifecycle_bring_up_decision_no_truncate before truncate on lifecycle_bring_up_decision
    for each statement execute function lifecycle_refuse_change();

-- The deadline rules read open requests and hazards out of the register by request and hazard.
create index register_entry_hazard_idx on register_entry ((message_json ->> 'hazardId'), sequence desc)
    where record_type = 'HazardNotification';
