-- The one definition of "visible to the public" (status PUBLISHED and a publish time that has
-- come), owned by article and read by feed, search and syndication instead of article's tables.
--
-- Functions of "now" rather than views over now(): the service's clock decides what "now" is (tests
-- move it; a request sees one instant in all its statements), so "now" is a parameter. They are
-- LANGUAGE sql, STABLE, not STRICT and a single SELECT, so PostgreSQL inlines them into the calling
-- statement like a view: the caller's plans use article's indexes as if it had written the WHERE
-- itself (docs/plans/ holds the plans at a million articles).

create function visible_article(now timestamptz) returns setof article
    language sql stable parallel safe
    as $$ select * from article where status = 'PUBLISHED' and published_at <= now $$;

-- A visible article's topic links, walked per topic newest first (article_topic_stream_idx):
-- article_topic.published_at copies the article's while it is PUBLISHED and is null otherwise
-- (triggers of V31), so this is the same rule on the link.
create function visible_article_topic(now timestamptz) returns setof article_topic
    language sql stable parallel safe
    as $$ select * from article_topic where published_at is not null and published_at <= now $$;

-- The editors' scopes of search: published with a time still to come, and by status.
create function scheduled_article(now timestamptz) returns setof article
    language sql stable parallel safe
    as $$ select * from article where status = 'PUBLISHED' and published_at > now $$;

create function scheduled_article_topic(now timestamptz) returns setof article_topic
    language sql stable parallel safe
    as $$ select * from article_topic where published_at is not null and published_at > now $$;

create function article_in_status(wanted text) returns setof article
    language sql stable parallel safe
    as $$ select * from article where status = wanted $$;

-- Topic links of an article already taken from one of the functions above (its topics, or a
-- filter on them): no time condition, so an existence test stays an index-only probe of the key.
create view article_topic_link as
    select article_id, topic_id, is_primary from article_topic;
