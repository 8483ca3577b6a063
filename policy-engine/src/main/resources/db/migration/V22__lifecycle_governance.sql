-- Policy lifecycle changes (round 2): a rollback's reason in the deployment history, and the two-admin
-- control of role grants and password resets (one admin proposes, another approves).

alter table deployment add column reason varchar(1000);

create table user_change (
    id            varchar(36)  primary key,
    username      varchar(64)  not null,
    kind          varchar(16)  not null,
    roles         varchar(200),
    password_hash varchar(200),
    proposed_by   varchar(64)  not null,
    proposed_at   timestamp with time zone not null,
    status        varchar(16)  not null,
    decided_by    varchar(64),
    decided_at    timestamp with time zone
);

create index user_change_status on user_change (status, proposed_at);
