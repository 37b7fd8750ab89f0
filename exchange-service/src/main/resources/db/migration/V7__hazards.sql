-- Tables of the hazards module (org.safeguarding.exchange.service.hazards): hazards over time and who they reach.
-- Every row is written in the register's own transaction, only for entries the register wrote as new, so a replayed
-- or duplicate message never applies twice. Each table grows with the polls and is vacuumed gently.

-- Each hazard as its latest accepted action left it (Derby section 4: raised, updated, reviewed, withdrawn): "active
-- hazards linked to this child" and "due for review" are answered from an index, not by replaying every action.
create table lifecycle_hazard (
    hazard_id         text        primary key,
    status            text        not null check (status in ('ACTIVE', 'WITHDRAWN')),
    last_action       text        not null check (last_action in ('RAISED', 'UPDATED', 'REVIEWED', 'WITHDRAWN')),
    category          text        not null,
    case_reference    text        not null,
    -- the person presenting the hazard: the warning is attached to their record
    person_reference  text        not null,
    -- the children whose records signpost it
    linked_children   text[]      not null,
    raising_agency    text        not null,
    notify_agencies   text[]      not null,
    review_due        date        not null,
    raised_at         timestamptz not null,
    last_occurred_at  timestamptz not null,
    raised_sequence   bigint      not null,
    -- the register entry of the last action applied; checked before each write so concurrent writers cannot interleave
    last_sequence     bigint      not null
) with (autovacuum_vacuum_cost_delay = 20);

-- The hazards of a child, of a person, of a case; the active ones by review date.
create index lifecycle_hazard_children_idx on lifecycle_hazard using gin (linked_children);
create index lifecycle_hazard_person_idx on lifecycle_hazard (person_reference);
create index lifecycle_hazard_case_idx on lifecycle_hazard (case_reference);
create index lifecycle_hazard_review_idx on lifecycle_hazard (review_due) where status = 'ACTIVE';

-- The people each case involves: named by an accepted consent outcome (personReference) or a child linked to a hazard
-- raised in it (linkedChildren). It answers "which cases are about this child" for related hazards and for addressing
-- a hazard to every agency that has exchanged messages about a linked child.
create table lifecycle_case_person (
    person_reference  text   not null,
    case_reference    text   not null,
    -- the register entry that first involved the person in the case
    first_sequence    bigint not null,
    primary key (person_reference, case_reference)
) with (autovacuum_vacuum_cost_delay = 20);

-- The people of a case, for its related hazards.
create index lifecycle_case_person_case_idx on lifecycle_case_person (case_reference);

-- The agencies that have sent or received an accepted message in each case: a hazard goes to every agency that has
-- exchanged messages about a linked child, read here one row per agency and case.
create table lifecycle_case_agency (
    case_reference  text   not null,
    agency          text   not null,
    -- the register entry that first involved the agency in the case
    first_sequence  bigint not null,
    primary key (case_reference, agency)
) with (autovacuum_vacuum_cost_delay = 20);
