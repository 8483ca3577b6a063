-- An API key may be limited to some markets and may expire. Markets are kept as one comma-separated
-- list (at most a few dozen two-letter codes, always read and written whole); none means every market,
-- which is what keys issued before this column existed could use. A key stops working on expires_on
-- (UTC); none means it never expires.
alter table api_key add column markets varchar(400);
alter table api_key add column expires_on date;
