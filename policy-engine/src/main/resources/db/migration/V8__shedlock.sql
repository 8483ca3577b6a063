-- ShedLock's lock rows: a scheduled job that must run once per cluster (the retention purge) holds
-- its row until lock_until; times are the database's, so instances' clocks need not agree.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    primary key (name)
);
