-- Search plans at a million articles: the statements SearchService runs for a first page, exactly
-- as SearchRepository and SuggestionRepository build them (bench/search/*.sql, kept identical to
-- the code by BenchmarkSqlTests), with their parameters set here as psql variables of the same
-- names. No step may read the archive: a walk reads at most its window of the newest articles,
-- the index path only the matches. See docs/search-performance.md.
\set ON_ERROR_STOP on
\pset pager off
-- what the service sets in each transaction, here for the session
select set_config('plan_cache_mode', 'force_custom_plan', false),
       set_config('pg_trgm.word_similarity_threshold', '0.4', false);
\set now 'now()'
select quote_literal('<' || chr(57344) || chr(57345) || chr(57346)) as protect,
       quote_literal(chr(57346)) as protected,
       quote_literal('HighlightAll=true, StartSel=' || chr(57344) || ', StopSel=' || chr(57345)) as "headlineOptions" \gset

\echo '== 1. Common two-word query, relevance, page 1: "interest rates" (together in about half of all articles)'
\echo '-- walk: the newest 2,000 articles; the 201 newest matches are among them, so no other step'
select quote_literal('interest rates') as q, quote_literal('интерест ратес') as "qCyrillic" \gset
\ir search/terms.sql
\set limit 201
\set window 2000
\ir search/candidates-walk.sql
\echo '-- the page: 20 rows with highlights and topics'
select string_agg(id::text, ',') as ids
  from (select id from article where status = 'PUBLISHED' order by published_at desc, id desc limit 20) p \gset
\ir search/rows.sql

\echo '== 2. Rare word, relevance, page 1: "zanzibar" (1 article in 5,000)'
\echo '-- walk: no match among the newest 2,000, so the words are rare: the index lists every match'
select quote_literal('zanzibar') as q, quote_literal('занзибар') as "qCyrillic" \gset
\ir search/terms.sql
\ir search/candidates-walk.sql
\ir search/candidates-index.sql
\echo '-- the page'
select string_agg(id::text, ',') as ids
  from (select id from article
         where search_vector @@ 'zanzibar'::tsquery and status = 'PUBLISHED' order by published_at desc limit 20) p \gset
\ir search/rows.sql

\echo '== 3. Date order, page 1 (20 rows and one more): common, then rare'
\set limit 21
\set window 2000
select quote_literal('interest rates') as q, quote_literal('интерест ратес') as "qCyrillic" \gset
\ir search/terms.sql
\ir search/candidates-walk.sql
select quote_literal('zanzibar') as q, quote_literal('занзибар') as "qCyrillic" \gset
\ir search/terms.sql
\ir search/candidates-walk.sql
\ir search/candidates-index.sql

\echo '== 4. A long-tail pair of words (each in about a fifth of the articles, together in about 7%): "harvest tariff", date order'
\echo '-- walk: 21 matches among the newest 2,000, so no other step'
select quote_literal('harvest tariff') as q, quote_literal('харвест тарифф') as "qCyrillic" \gset
\ir search/terms.sql
\ir search/candidates-walk.sql

\echo '== 5. Long-tail pairs under 5%, relevance: the walk finds too few, so the index reads a publish-time window'
\echo '-- sized from what the walk found (twice the span its matches suggest for 201), ANDed with article_published_idx'
\set limit 201
\set window 2000
\echo '-- "curriculum lecture" (about 3%): about 60 matches in the walk, a window of 38 days'
select quote_literal('curriculum lecture') as q, quote_literal('курикулум лектуре') as "qCyrillic" \gset
\ir search/terms.sql
\ir search/candidates-walk.sql
select quote_literal(now() - interval '38 days') as "from" \gset
\ir search/candidates-index-window.sql
\echo '-- "quokka tessellation" (1 in 97): about 20 matches in the walk, a window of 132 days'
select quote_literal('quokka tessellation') as q, quote_literal('куокка тесселлатион') as "qCyrillic" \gset
\ir search/terms.sql
\ir search/candidates-walk.sql
select quote_literal(now() - interval '132 days') as "from" \gset
\ir search/candidates-index-window.sql

\echo '== 6. One common word: "oil", relevance'
\echo '-- the first walk, then (shown for its cost) the longer walk the service takes for words in 5-50% of articles'
select quote_literal('oil') as q, quote_literal('оил') as "qCyrillic" \gset
\ir search/terms.sql
\ir search/candidates-walk.sql
\set window 4020
\ir search/candidates-walk.sql

\echo '== 7. An editor searching the 25,000 drafts: "interest rates", then "quokka" (about 250 drafts)'
\set window 2000
select quote_literal('interest rates') as q, quote_literal('интерест ратес') as "qCyrillic" \gset
\ir search/terms.sql
\ir search/drafts-walk.sql
select quote_literal('quokka') as q, quote_literal('куокка') as "qCyrillic" \gset
\ir search/terms.sql
\ir search/drafts-walk.sql
\ir search/drafts-index.sql

\echo '== 7b. A query that also names topics: "bench topic 3" (the topic branch, left out when no topic name matches)'
\set window 2000
\set limit 201
select quote_literal('bench topic 3') as q, quote_literal('бенч топик 3') as "qCyrillic" \gset
\ir search/terms.sql
select string_agg(id::text, ',' order by id) as "matchedTopics"
  from (select tp.id from topic tp
         where tp.name_english @@ websearch_to_tsquery('english', :q)
            or tp.name_russian @@ websearch_to_tsquery('russian', :q)
            or tp.name_simple @@ websearch_to_tsquery('simple', :q)
         order by tp.id limit 20) t \gset
\ir search/candidates-walk-topics.sql

\echo '== 8. Suggestions: a common prefix ("minis"), a prefix in no headline ("zanz"), a typo ("minsiter")'
\echo '-- PostgreSQL alone walks all 980,000 headlines for "zanz" (5 s)'
\set limit 10
\set pool 200
\set topics 3
\set window 2000
\set fuzzy true
select quote_literal('minis') as q, quote_literal('''minis'':*') as prefix \gset
\ir search/suggest.sql
select quote_literal('zanz') as q, quote_literal('''zanz'':*') as prefix \gset
\ir search/suggest.sql
select quote_literal('minsiter') as q, quote_literal('''minsiter'':*') as prefix \gset
\ir search/suggest.sql
