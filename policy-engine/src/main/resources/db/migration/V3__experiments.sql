-- Champion/challenger experiments. running_market holds the market while the experiment runs and is
-- null once it ends: a unique column (nulls are distinct on H2 and PostgreSQL), so the database itself
-- allows one running experiment per market, whichever instance of a cluster starts it.
create table experiment (
    id                           varchar(36)  primary key,
    market                       varchar(8)   not null,
    challenger_version           integer      not null,
    champion_version             integer      not null,
    mode                         varchar(8)   not null,
    traffic_percent              integer      not null,
    max_approval_rate_difference decimal(5,4),
    minimum_sample               integer,
    status                       varchar(24)  not null,
    running_market               varchar(8)   unique,
    started_by                   varchar(64)  not null,
    started_at                   timestamp with time zone not null,
    ended_by                     varchar(64),
    ended_at                     timestamp with time zone,
    end_reason                   varchar(500)
);
create index experiment_market on experiment (market, started_at);

-- What each decision answered, and in shadow mode what the challenger would have answered: the
-- experiment statistics are aggregated from these columns, so they survive restarts and count the
-- decisions of every instance. Reason codes are comma-separated.
alter table decision add column approved_amount decimal(19,4);
alter table decision add column apr decimal(9,6);
alter table decision add column reason_codes varchar(1000);
alter table decision add column challenger_outcome varchar(8);
alter table decision add column challenger_score integer;
alter table decision add column challenger_approved_amount decimal(19,4);
alter table decision add column challenger_apr decimal(9,6);
alter table decision add column challenger_reason_codes varchar(1000);
alter table decision add column challenger_json text;
create index decision_experiment on decision (experiment_id, arm);
