-- Synthetic archive, phase 3: build the GIN indexes phase 1 dropped, drop the sentence pools (the
-- vocabulary stays: run.sh draws long-tail queries from it) and give the
-- planner fresh statistics.
\set ON_ERROR_STOP on
set maintenance_work_mem = '1GB';
select indexdef as create_index from bench_saved_index \gexec
drop table bench_saved_index;
drop table if exists bench_sentence, bench_city;
vacuum analyze article;
vacuum analyze article_topic;
vacuum analyze topic;
select count(*) as articles, count(*) filter (where status = 'PUBLISHED') as published,
       count(*) filter (where language = 'ru') as russian,
       count(*) filter (where published_at > now()) as scheduled,
       pg_size_pretty(pg_total_relation_size('article')) as size
  from article;
