-- Drift alerts: one row per episode, from the check that first finds a market's figure beyond its
-- limit to the check that finds it back within. open_key is "<market>:<kind>" while the alert is
-- active and null once it clears: a unique column (nulls are distinct on H2 and PostgreSQL), so when
-- every instance of a cluster runs the same check, one insert wins and only that instance records
-- the alert in the audit trail.
create table drift_alert (
    id             varchar(36)   primary key,
    market         varchar(8)    not null,
    kind           varchar(16)   not null,
    open_key       varchar(32)   unique,
    measure        decimal(12,6) not null,
    threshold      decimal(12,6) not null,
    current_value  decimal(12,6),
    baseline_value decimal(12,6),
    window_start   timestamp with time zone not null,
    window_end     timestamp with time zone not null,
    raised_at      timestamp with time zone not null,
    raised_by      varchar(64)   not null,
    resolved_at    timestamp with time zone
);
create index drift_alert_market on drift_alert (market, raised_at);
