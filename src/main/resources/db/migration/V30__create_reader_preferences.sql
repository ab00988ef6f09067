-- A caller's feed preferences, keyed by the token subject: the reader id of a mobile install, or
-- the token id / JWT subject of any other signed-in caller.
create table reader_preferences (
    owner          varchar(255) primary key,
    filter_enabled boolean      not null,
    languages      varchar(2)[] not null,
    updated_at     timestamptz  not null
);

create table reader_followed_topic (
    owner    varchar(255) not null references reader_preferences (owner) on delete cascade,
    topic_id bigint       not null references topic (id) on delete cascade,
    primary key (owner, topic_id)
);

create table reader_muted_topic (
    owner    varchar(255) not null references reader_preferences (owner) on delete cascade,
    topic_id bigint       not null references topic (id) on delete cascade,
    primary key (owner, topic_id)
);

-- deleting a topic cascades through these
create index reader_followed_topic_topic_idx on reader_followed_topic (topic_id);
create index reader_muted_topic_topic_idx on reader_muted_topic (topic_id);
