-- The performance report's score histogram grouped by round(cast(score as numeric), 2) computed per
-- row: 700,000 numeric casts, and the planner, unable to estimate the number of groups of an
-- expression, sorted them on disk instead of hashing (3.2 s of a 5 s report). The rounded score and
-- probability are now kept in the loan's row at ingestion, so the histogram groups plain columns.
alter table loan_performance add column score_bin double precision;
alter table loan_performance add column probability_bin double precision;
update loan_performance set score_bin = round(cast(score as numeric(20, 6)), 2),
    probability_bin = round(cast(probability as numeric(20, 6)), 4);

-- Decisions and approvals per version (the report's first figures) from the index alone, without
-- reading the decision log's wide rows (request and result JSON). PostgreSQL only, where the 1,000,000-
-- decision report is measured; it costs each logged decision one more index entry.
create index decision_version_counts on decision (market, policy_version, evaluated_at) include (outcome);
