-- The agencies each case involves: every sender and recipient of an accepted entry of the case, with the first entry
-- that involved it.
insert into lifecycle_case_agency (case_reference, agency, first_sequence)
select e.case_reference, a.agency, min(e.sequence)
  from register_entry e cross join lateral unnest(array_append(e.recipient_agencies, e.sending_agency)) as a(agency)
 where e.outcome = 'ACCEPTED' and e.case_reference is not null and a.agency is not null
 group by e.case_reference, a.agency;
