-- Risk models (CONTRACT.md "Risk models"): a decision's score keeps two decimals, since a classifier's
-- score may be a probability or points with decimals, and a classifier's probability of the bad class
-- is logged beside it, for the shadow challenger too.
alter table decision alter column score set data type numeric(12, 2);
alter table decision alter column challenger_score set data type numeric(12, 2);
alter table decision add column probability double precision;
alter table decision add column challenger_probability double precision;
