-- Indexes for the look-ups the intake makes once per batch, each shaped as the query it serves:
--   where record_type = 'ShareRequest' and outcome = 'ACCEPTED' and request_id = any($1)
--   where record_type = 'ConsentOutcome' and outcome = 'ACCEPTED' and case_reference = any($1) order by sequence
-- As prepared statements, PostgreSQL's generic plans used the general indexes poorly (the first scanned every share
-- request: about 100 ms per batch at 80,000 entries, growing with the register). An index whose predicate is the
-- query's own makes each an index look-up at any register size.
create index register_entry_accepted_request_idx on register_entry (request_id)
    where record_type = 'ShareRequest' and outcome = 'ACCEPTED';
create index register_entry_accepted_consent_idx on register_entry (case_reference, sequence)
    where record_type = 'ConsentOutcome' and outcome = 'ACCEPTED';
