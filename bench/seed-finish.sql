-- Synthetic archive, phase 3: build the GIN indexes phase 1 dropped, drop the sentence pools (the
-- vocabulary stays: run.sh draws long-tail queries from it) and give the
-- planner fresh statistics.
\set ON_ERROR_STOP on
set maintenance_work_mem = '1GB';
select indexdef as create_index from bench_saved_index \gexec
drop table bench_saved_index;
-- the change feed's log of the seeded articles (phase 1 turned its trigger off): visible ones placed
-- in publish order, scheduled ones pending for the sequencer, as migration V110 logs older articles
insert into article_change (article_id, kind, effective_at, position)
select id, 'published', published_at, nextval('article_change_position_seq')
  from (select a.id, a.published_at from article a
         where a.status = 'PUBLISHED' and a.published_at <= now()
           and not exists (select from article_change c where c.article_id = a.id)
         order by a.published_at, a.id) visible;
insert into article_change (article_id, kind, effective_at)
select a.id, 'published', a.published_at from article a
 where a.status = 'PUBLISHED' and a.published_at > now()
   and not exists (select from article_change c where c.article_id = a.id);
alter table article enable trigger article_change_log;
drop table if exists bench_sentence, bench_city;
vacuum analyze article;
vacuum analyze article_topic;
vacuum analyze topic;
vacuum analyze article_change;
select count(*) as articles, count(*) filter (where status = 'PUBLISHED') as published,
       count(*) filter (where language = 'ru') as russian,
       count(*) filter (where published_at > now()) as scheduled,
       pg_size_pretty(pg_total_relation_size('article')) as size
  from article;
