-- "In other media": links to coverage elsewhere, in the editor's order.
create table article_external_link (
    article_id  bigint        not null references article (id) on delete cascade,
    position    integer       not null,
    title       varchar(300)  not null,
    url         varchar(2000) not null,
    source_name varchar(100),
    primary key (article_id, position)
);

-- Editor-chosen related articles. Purging an article removes the links to it as well.
create table article_related (
    article_id bigint  not null references article (id) on delete cascade,
    position   integer not null,
    related_id bigint  not null references article (id) on delete cascade,
    primary key (article_id, position)
);

create index article_related_related_idx on article_related (related_id);
