-- The agencies that have sent or received an accepted message in each case. A hazard goes to every agency that has
-- exchanged messages about a linked child (Derby section 4; ConsentAndHazardBatch.hazardRecipients), so each poll with
-- a hazard asks which agencies a set of cases involves. That question read every accepted register entry of those
-- cases, a cost that grows with each case's history; now it reads one row per agency and case, written in the
-- register's own transaction from the accepted entries the register wrote as new, so it cannot disagree with it.

create table lifecycle_case_agency (
    case_reference  text   not null,
    agency          text   not null,
    -- the register entry that first involved the agency in the case
    first_sequence  bigint not null,
    primary key (case_reference, agency)
);

alter table lifecycle_case_agency set (autovacuum_vacuum_cost_delay = 20);

-- A register that already holds entries gets the rows it would have had.
insert into lifecycle_case_agency (case_reference, agency, first_sequence)
select e.case_reference, a.agency, min(e.sequence)
  from register_entry e cross join lateral unnest(array_append(e.recipient_agencies, e.sending_agency)) as a(agency)
 where e.outcome = 'ACCEPTED' and e.case_reference is not null and a.agency is not null
 group by e.case_reference, a.agency;
