-- Ingestion re-reads the whole history of every loan in a batch, 500 application ids at a time. H2
-- uses an IN list with an index only on the index's first column, so with the primary key (market,
-- application_id, as_of) it walked every observation of the market and compared each with the 500 ids:
-- a batch's cost grew with the table (68% of an ingestion profile). With this index, and the ids asked
-- for alone (OutcomeRepository.observationsOf), each id is one index lookup. PostgreSQL searches the
-- primary key for "= any" on its second column and needs no such index.
create index loan_observation_application on loan_observation (application_id);
