-- The tables every intake poll writes grow mostly by insert, so autovacuum visits them as they grow (an insert-only
-- vacuum, then ANALYZE), reading and dirtying tens of thousands of pages in a few seconds at its default pace. On a
-- server that shares its disk and cores with the exchange, the commits of the polls running meanwhile waited: with one
-- intake consumer at a steady 1,000 msg/s, one 5 s window in each of two 30 s measurements had a send -> inbox p99
-- of 270-360 ms against 52-105 ms in the others. A longer sleep between its rounds of page work (20 ms instead of 2 ms)
-- spreads the same work over more time; in three measurements since, the worst window's p99 was 105-162 ms
-- (benchmarks/README.md). The work is no less: tables are still vacuumed and analysed, only less abruptly.
alter table register_entry set (autovacuum_vacuum_cost_delay = 20);
alter table register_leaf set (autovacuum_vacuum_cost_delay = 20);
alter table lifecycle_case_person set (autovacuum_vacuum_cost_delay = 20);
alter table lifecycle_hazard set (autovacuum_vacuum_cost_delay = 20);
