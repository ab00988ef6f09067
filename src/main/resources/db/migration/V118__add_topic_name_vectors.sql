-- A search finds the articles filed under a topic whose name matches the query in any of the
-- three text search configurations (SearchRepository.MATCHED_TOPICS). Parsing every topic's name
-- three times per search statement cost about 0.6 ms of each (48 topics); the names' vectors are
-- kept here instead, as the article's own vector is (V40).
alter table topic
    add column name_english tsvector generated always as (to_tsvector('pg_catalog.english', name)) stored,
    add column name_russian tsvector generated always as (to_tsvector('pg_catalog.russian', name)) stored,
    add column name_simple tsvector generated always as (to_tsvector('pg_catalog.simple', name)) stored;
