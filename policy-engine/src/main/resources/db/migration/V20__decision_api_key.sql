-- Which API key made each decision: a loan system reads, replays and deduplicates only its own.
-- Decisions made before this column existed have none, and only people (users with roles) read them.
-- No foreign key: a revoked key's row stays, and the decision log is written without extra lookups.
alter table decision add column api_key_id varchar(36);
