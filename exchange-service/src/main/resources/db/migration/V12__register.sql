-- The register module's third migration (org.safeguarding.exchange.service.register): how the delivery of a message to
-- an agency without Kafka ended, as the inbox webhook connector confirmed it (exchange.v1.DeliveryConfirmation), kept
-- beside the register entry of the message delivered (Hull 3.1: how the receipt of the information was confirmed).
-- Append-only, like the entries: a later confirmation of the same message is another row.

create table register_delivery (
    confirmation_id  text primary key,
    message_id       text        not null,
    sender           text        not null,
    recipient_agency text        not null,
    -- The confirmed message's register entry; null when the register holds none (the exchange's own reminders).
    entry_sequence   bigint,
    outcome          text        not null check (outcome in ('DELIVERED', 'FAILED')),
    http_status      integer,
    reason           text,
    endpoint         text        not null,
    attempts         integer     not null,
    confirmed_at     timestamptz not null,
    recorded_at      timestamptz not null,
    -- The confirmation's exact bytes (Confluent wire format), as the connector wrote them.
    payload          bytea       not null
);

create index register_delivery_message_idx on register_delivery (sender, message_id);
create index register_delivery_entry_idx on register_delivery (entry_sequence);

create trigger register_delivery_no_update before update or delete on register_delivery
    for each row execute function refuse_change();
create trigger register_delivery_no_truncate before truncate on register_delivery
    for each statement execute function refuse_change();
