-- A search for a topic's name finds the topic's articles: the search first finds the topics whose
-- name matches the query, in the configuration of each language group, then walks those topics'
-- streams (article_topic_stream_idx). The taxonomy is small today, but tags may grow it into the
-- thousands, so the lookup is indexed like the articles are.
create index topic_name_english_idx on topic using gin (to_tsvector('pg_catalog.english'::regconfig, name));
create index topic_name_russian_idx on topic using gin (to_tsvector('pg_catalog.russian'::regconfig, name));
create index topic_name_simple_idx on topic using gin (to_tsvector('pg_catalog.simple'::regconfig, name));
