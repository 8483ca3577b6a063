-- Comments a reviewer or the author leave on one line of a version's side-by-side diff: the line of
-- the version itself (side 'new') or of the version it is compared with (side 'old', for a removed
-- line). Kept apart from policy_version, whose rows are immutable once submitted.
create table review_comment (
    id         varchar(36)   primary key,
    market     varchar(8)    not null,
    version    integer       not null,
    artifact   varchar(64)   not null,
    side       varchar(3)    not null,
    line       integer       not null,
    author     varchar(64)   not null,
    created_at timestamp with time zone not null,
    body       varchar(2000) not null
);

create index review_comment_version on review_comment (market, version, created_at);
