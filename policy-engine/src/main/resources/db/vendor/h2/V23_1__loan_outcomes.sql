-- Loan outcomes on the embedded database (see the PostgreSQL twin for the partitioned layout).
-- loan_observation: what the servicing system reported about a loan on a day; (application, asOf)
-- sent again replaces the observation.
create table loan_observation (
    market                varchar(8)    not null,
    application_id        varchar(128)  not null,
    as_of                 date          not null,
    funded                boolean       not null,
    funded_at             date,
    funded_amount         numeric(19, 4),
    days_past_due         integer,
    status                varchar(16),
    principal_outstanding numeric(19, 4),
    loss_amount           numeric(19, 4),
    received_at           timestamp with time zone not null,
    primary key (market, application_id, as_of)
);

-- loan_performance: one row per decided application with outcomes, the decision's few fields the
-- reports need copied in at ingestion (so performance aggregates never join the decision log), and
-- the loan's state summarised from its observations with the market's performance definition.
-- months_observed: whole months from funding to the latest observation; bad_month: months on book at
-- the first bad observation (null while never bad).
create table loan_performance (
    market          varchar(8)    not null,
    application_id  varchar(128)  not null,
    policy_version  integer       not null,
    arm             varchar(16)   not null,
    experiment_id   varchar(36),
    decision        varchar(8)    not null,
    score           double precision,
    probability     double precision,
    decided_at      timestamp with time zone not null,
    funded          boolean       not null,
    funded_at       date,
    funded_month    varchar(7),
    funded_amount   numeric(19, 4),
    months_observed integer,
    bad_month       integer,
    matured         boolean       not null,
    loss_amount     numeric(19, 4),
    last_as_of      date          not null,
    primary key (market, application_id)
);
create index loan_performance_version on loan_performance (market, policy_version, decided_at);
create index loan_performance_experiment on loan_performance (experiment_id, arm);
