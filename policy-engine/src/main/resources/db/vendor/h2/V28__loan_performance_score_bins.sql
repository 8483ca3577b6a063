-- The performance report's score histogram groups the rounded score and probability kept in the
-- loan's row at ingestion rather than rounding every row at each report (see the PostgreSQL script).
alter table loan_performance add column score_bin double precision;
alter table loan_performance add column probability_bin double precision;
update loan_performance set score_bin = round(cast(score as numeric(20, 6)), 2),
    probability_bin = round(cast(probability as numeric(20, 6)), 4);
