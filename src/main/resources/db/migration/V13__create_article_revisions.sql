-- Every change to an article stores the full state after it, so that any version can be shown
-- and restored. Append-only; the unique key doubles as the optimistic-lock backstop.
create table article_revision (
    article_id bigint       not null references article (id) on delete cascade,
    version    bigint       not null,
    action     varchar(16)  not null,
    editor     varchar(100) not null,
    created_at timestamptz  not null,
    snapshot   jsonb        not null,
    primary key (article_id, version)
);
