-- Backtests: a candidate version against another on logged or uploaded applications. A run is
-- stored as it goes (status, progress, a heartbeat from the instance running it) and its report is
-- kept as JSON with the version it tested, so the reviewer finds the latest one by market and version.
create table simulation (
    id             varchar(36)  primary key,
    market         varchar(8)   not null,
    version        integer      not null,
    against        integer      not null,
    version_digest varchar(80),
    against_digest varchar(80),
    source         varchar(16)  not null,
    file_name      varchar(200),
    request_json   text         not null,
    status         varchar(16)  not null,
    progress       integer      not null,
    rows_read      bigint       not null,
    rows_decided   bigint       not null,
    rows_invalid   bigint       not null,
    created_by     varchar(64)  not null,
    created_at     timestamp with time zone not null,
    started_at     timestamp with time zone,
    finished_at    timestamp with time zone,
    heartbeat_at   timestamp with time zone not null,
    instance_id    varchar(36)  not null,
    error          varchar(2000),
    result_json    text
);
create index simulation_version on simulation (market, version, created_at);
create index simulation_market on simulation (market, created_at);
create index simulation_active on simulation (status, heartbeat_at);
