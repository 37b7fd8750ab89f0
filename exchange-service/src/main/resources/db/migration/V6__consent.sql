-- Tables of the consent module (org.safeguarding.exchange.service.consent): consent outcomes over time.

-- One row per accepted ConsentOutcome, written in the register's own transaction from the entries the register wrote
-- as new, so it cannot disagree with the register and a replayed or duplicate message writes nothing. Positions are
-- derived from these rows per batch and per query, never stored. The key serves the look-up: a case's outcomes in
-- register order. Vacuumed gently, as every table the polls write is.
create table consent_outcome (
    case_reference       text        not null,
    -- the register entry that recorded the outcome
    sequence             bigint      not null,
    message_id           text        not null,
    -- the person whose consent it is; null for the case as a whole
    person_reference     text,
    status               text        not null,
    given_by             text,
    limits               text,
    occurred_at          timestamptz not null,
    -- the agency that recorded it
    agency               text        not null,
    -- the outcome this one corrects, which it replaces
    corrects_message_id  text,
    primary key (case_reference, sequence)
) with (autovacuum_vacuum_cost_delay = 20);
