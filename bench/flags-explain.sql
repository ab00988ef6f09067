-- The featured and breaking filters at a million articles, exactly the SQL FeedRepository builds
-- (parameters inlined), on a realistic history of flags: a year of breaking news (5,000 articles
-- whose flag has expired but was never cleared, 3 still breaking among the newest) and 300 pins
-- (200 expired, 100 without an end). Run inside a transaction that is rolled back when V115/V116
-- are not yet applied (docs/plans/flags.md); the flags set here are rolled back with it.
\set ON_ERROR_STOP on
\pset pager off

\echo '== 0. a history of flags'
update article set urgency = 1 + (id % 9), breaking_until = published_at + interval '6 hours'
 where id in (select id from visible_article(now()) a
               where a.published_at < now() - interval '1 day'
               order by a.published_at desc, a.id desc limit 5000);
update article set urgency = 1, breaking_until = now() + interval '2 hours'
 where id in (select id from visible_article(now()) a order by a.published_at desc, a.id desc offset 5 limit 3);
update article set featured = true, featured_until = least(published_at + interval '2 days', now() - interval '1 hour')
 where id in (select id from visible_article(now()) a order by a.published_at desc, a.id desc offset 100 limit 200);
update article set featured = true
 where id in (select id from visible_article(now()) a order by a.published_at desc, a.id desc offset 400 limit 100);
analyze article;

\echo '== 1. ?featured=true, page 1 and page 2'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.lead, a.dateline, a.source, a.language, a.published_at,
       a.time_zone, a.page_count, a.version,
       (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name, 'primary', x.is_primary)
                                 order by x.is_primary desc, tp.position, tp.name), '[]')
          from article_topic_link x join topic tp on tp.id = x.topic_id
         where x.article_id = a.id) as topics,
       article_featured(a.featured, a.featured_until, now()) as featured,
       case when article_breaking(a.breaking_until, now()) then a.urgency end as urgency
  from visible_article(now()) a
 where article_featured(a.featured, a.featured_until, now())
 order by a.published_at desc, a.id desc
 limit 21;

select a.published_at as after_at, a.id as after_id
  from visible_article(now()) a
 where article_featured(a.featured, a.featured_until, now())
 order by a.published_at desc, a.id desc
 offset 20 limit 1 \gset
explain (analyze, buffers, costs off)
select a.id, a.published_at
  from visible_article(now()) a
 where (a.published_at, a.id) < (:'after_at', :after_id)
   and article_featured(a.featured, a.featured_until, now())
 order by a.published_at desc, a.id desc
 limit 21;

\echo '== 2. ?breaking=true: 3 in force among 5,003 flagged; the range of unexpired flags only'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.published_at, a.version,
       case when article_breaking(a.breaking_until, now()) then a.urgency end as urgency
  from visible_article(now()) a
 where article_breaking(a.breaking_until, now())
 order by a.published_at desc, a.id desc
 limit 21;

\echo '== 3. ?breaking=true in one topic (bench-topic-7): the same range, a topic probe per row'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.published_at, a.version
  from visible_article(now()) a
 where article_breaking(a.breaking_until, now())
   and exists (select 1 from article_topic_link g where g.article_id = a.id
                  and g.topic_id in ((select id from topic where slug = 'bench-topic-7')))
 order by a.published_at desc, a.id desc
 limit 21;

\echo '== 4. ?featured=false (All news without the pins): the All news walk, skipping pinned rows'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.published_at, a.version
  from visible_article(now()) a
 where not article_featured(a.featured, a.featured_until, now())
 order by a.published_at desc, a.id desc
 limit 21;

\echo '== 5. All news, page 1, with the two flag columns in the output'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.lead, a.dateline, a.source, a.language, a.published_at,
       a.time_zone, a.page_count, a.version,
       (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name, 'primary', x.is_primary)
                                 order by x.is_primary desc, tp.position, tp.name), '[]')
          from article_topic_link x join topic tp on tp.id = x.topic_id
         where x.article_id = a.id) as topics,
       article_featured(a.featured, a.featured_until, now()) as featured,
       case when article_breaking(a.breaking_until, now()) then a.urgency end as urgency
  from visible_article(now()) a
 order by a.published_at desc, a.id desc
 limit 21;
