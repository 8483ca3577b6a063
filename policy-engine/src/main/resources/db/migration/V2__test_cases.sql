-- Test cases an analyst attaches to a version: an application and what it should get.
create table policy_test_case (
    id               varchar(36)   primary key,
    market           varchar(8)    not null,
    version          integer       not null,
    name             varchar(200)  not null,
    application_json text          not null,
    expected_outcome varchar(8)    not null,
    expected_reasons varchar(1000),
    created_by       varchar(64)   not null,
    created_at       timestamp with time zone not null,
    foreign key (market, version) references policy_version (market, version)
);
create index policy_test_case_version on policy_test_case (market, version);

-- The result of running the version's test cases at its last validation, as JSON.
alter table policy_version add column test_results text;
