-- Ingestion re-reads the whole history of every loan in a batch with
-- "market = ? and application_id in (500 ids)". H2 uses an IN list with an index only on the index's
-- first column, so with the primary key (market, application_id, as_of) it walked every observation of
-- the market and compared each with the 500 ids: a batch cost grew with the table (68% of an ingestion
-- profile). Led by application_id, each id is one index lookup. PostgreSQL searches the primary key for
-- "= any" on its second column and needs no such index.
create index loan_observation_application on loan_observation (application_id);
