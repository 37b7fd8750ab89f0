-- Tables of the deadlines module (org.safeguarding.exchange.service.deadlines): what the deadline rules read, the
-- reminders decided and sent, and bring-up decisions. See DEADLINES.md.

-- One row per (requester, requestId): the request as its latest accepted version states it, and the agencies whose
-- accepted ShareDecision answered it. Written in the register's own transaction from the entries it wrote as new. A
-- decision registered before its request (on another topic, read by another consumer) leaves a row with only
-- answered_by, which the request then completes; both writers meet on the primary key, so neither can miss the other.
create table lifecycle_request (
    requester_agency  text        not null,
    request_id        text        not null,
    case_reference    text,
    recipient_agency  text,
    requested_at      timestamptz,
    urgent            boolean,
    last_sequence     bigint,
    answered_by       text[]      not null default '{}',
    primary key (requester_agency, request_id)
) with (autovacuum_vacuum_cost_delay = 20);

-- A reminder run reads only the requests still open.
create index lifecycle_request_open_idx on lifecycle_request (requested_at)
    where recipient_agency is not null and not (recipient_agency = any (answered_by));

-- One row per case: its latest accepted entry by the time it happened (then by sequence), and the agency that sent it.
-- Written like lifecycle_request.
create table lifecycle_case_contact (
    case_reference   text        primary key,
    last_contact_at  timestamptz not null,
    agency           text        not null,
    last_sequence    bigint      not null
) with (autovacuum_vacuum_cost_delay = 20);

-- A reminder run reads only the cases quiet for about the bring-up period.
create index lifecycle_case_contact_last_idx on lifecycle_case_contact (last_contact_at);

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

-- The reminders still to deliver, oldest first.
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

-- A reminder's latest attempt.
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

-- A case's decisions, and its latest one for the bring-up rule.
create index lifecycle_bring_up_decision_case_idx on lifecycle_bring_up_decision (case_reference, decided_at desc);

create trigger lifecycle_bring_up_decision_no_update before update or delete on lifecycle_bring_up_decision
    for each row execute function refuse_change();
create trigger lifecycle_bring_up_decision_no_truncate before truncate on lifecycle_bring_up_decision
    for each statement execute function refuse_change();
