-- The performance report's score histogram grouped by round(cast(score as numeric), 2) computed per
-- row: 700,000 numeric casts, and the planner, unable to estimate the number of groups of an
-- expression, sorted them on disk instead of hashing (3.2 s of a 5 s report). The rounded score and
-- probability are now kept in the loan's row at ingestion, so the histogram groups plain columns.
alter table loan_performance add column score_bin double precision;
alter table loan_performance add column probability_bin double precision;
update loan_performance set score_bin = round(cast(score as numeric(20, 6)), 2),
    probability_bin = round(cast(probability as numeric(20, 6)), 4);

