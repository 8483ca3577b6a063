-- The decision log on PostgreSQL: partitioned by market, each market by month, so a year of traffic
-- stays fast to write, to query and to purge (drop a month instead of deleting rows). Partitions for
-- a market and the coming months are created by the application (DecisionLogPartitions) before the
-- market's first decision; anything else lands in the default partitions.
-- customer_key and device_key are hashes: velocity needs equality, not the values, and they survive
-- the retention purge of request bodies.
create table decision (
    id              varchar(36)  not null,
    application_id  varchar(128) not null,
    market          varchar(8)   not null,
    outcome         varchar(8)   not null,
    score           integer,
    policy_version  integer      not null,
    policy_digest   varchar(80)  not null,
    arm             varchar(16)  not null,
    experiment_id   varchar(36),
    request_hash    varchar(80)  not null,
    request_json    text,
    result_json     text         not null,
    context_json    text         not null,
    customer_key    varchar(64),
    device_key      varchar(64),
    duration_micros bigint       not null,
    evaluated_at    timestamp with time zone not null,
    fault           varchar(2000),
    primary key (market, evaluated_at, id)
) partition by list (market);

create table decision_other_markets partition of decision default;

create index decision_id on decision (id);
create index decision_application_id on decision (application_id);
create index decision_market_time on decision (market, evaluated_at);
create index decision_customer on decision (customer_key, evaluated_at);
create index decision_device on decision (device_key, evaluated_at);
