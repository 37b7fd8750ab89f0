-- The deadline rules find unanswered requests by looking, for each accepted request, for an accepted decision
-- answering it (DeadlineFacts.openRequests). With only the general indexes, a register whose statistics were stale
-- (a young or fast-growing one, before autovacuum's next ANALYZE) got a plan that read every decision of the
-- recipient agency for every request: at 220,000 entries the open-request list did not finish within six minutes.
-- An index whose predicate is the look-up's own makes it an index look-up whatever the statistics say (0.55 s for
-- the whole query at 220,000 entries, unanalyzed; 0.9 s for the list through the service).
create index register_entry_accepted_decision_idx on register_entry (request_id)
    where record_type = 'ShareDecision' and outcome = 'ACCEPTED';
