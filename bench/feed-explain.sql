-- The three feed plans at a million articles, exactly the SQL FeedRepository builds (parameters
-- inlined), reading article's visible_article, visible_article_topic and article_topic_link (V97).
-- Each should read about one page of rows through an index: no Sort of the table, no Seq Scan on
-- article.
\set ON_ERROR_STOP on
\pset pager off

\echo '== 1. All news, page 1 and a deep page'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.lead, a.dateline, a.source, a.language, a.published_at,
       a.time_zone, a.page_count, a.version, a.updated_at,
       (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name, 'primary', x.is_primary)
                                 order by x.is_primary desc, tp.position, tp.name), '[]')
          from article_topic_link x join topic tp on tp.id = x.topic_id
         where x.article_id = a.id) as topics,
       article_featured(a.featured, a.featured_until, now()) as featured,
       case when article_breaking(a.breaking_until, now()) then a.urgency end as urgency,
       (select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt, 'renditions', i.renditions) from image i where i.id = a.lead_image_id) as lead_image
  from visible_article(now()) a
 order by a.published_at desc, a.id desc
 limit 21;

explain (analyze, buffers, costs off)
select a.id, a.published_at
  from visible_article(now()) a
 where (a.published_at, a.id) < (timestamptz '2019-06-01 00:00:00+00', 400000)
 order by a.published_at desc, a.id desc
 limit 21;

\echo '== 2. One topic stream (bench-topic-7)'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.published_at, a.version
  from (select distinct article_id, published_at from (
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t
      where t.topic_id = (select id from topic where slug = 'bench-topic-7')
      order by t.published_at desc, t.article_id desc
      limit 21)
  ) branches) page
  join visible_article(now()) a on a.id = page.article_id
 order by page.published_at desc, page.article_id desc
 limit 21;

\echo '== 3. Personalised: 3 followed topics, 1 muted, English only, deep page'
explain (analyze, buffers, costs off)
with ids as (select array_agg(id order by slug) as t from topic
              where slug in ('bench-topic-3', 'bench-topic-11', 'bench-topic-25', 'bench-topic-9'))
select a.id, a.slug, a.headline, a.published_at, a.version
  from (select distinct article_id, published_at from (
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t join visible_article(now()) a on a.id = t.article_id
      where t.topic_id = (select t[2] from ids)
        and (t.published_at, t.article_id) < (timestamptz '2020-01-01 00:00:00+00', 500000)
        and a.language in ('en')
        and not exists (select 1 from article_topic_link m where m.article_id = t.article_id and m.topic_id in ((select t[4] from ids)))
      order by t.published_at desc, t.article_id desc
      limit 21)
    union all
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t join visible_article(now()) a on a.id = t.article_id
      where t.topic_id = (select t[3] from ids)
        and (t.published_at, t.article_id) < (timestamptz '2020-01-01 00:00:00+00', 500000)
        and a.language in ('en')
        and not exists (select 1 from article_topic_link m where m.article_id = t.article_id and m.topic_id in ((select t[4] from ids)))
      order by t.published_at desc, t.article_id desc
      limit 21)
    union all
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t join visible_article(now()) a on a.id = t.article_id
      where t.topic_id = (select t[1] from ids)
        and (t.published_at, t.article_id) < (timestamptz '2020-01-01 00:00:00+00', 500000)
        and a.language in ('en')
        and not exists (select 1 from article_topic_link m where m.article_id = t.article_id and m.topic_id in ((select t[4] from ids)))
      order by t.published_at desc, t.article_id desc
      limit 21)
  ) branches) page
  join visible_article(now()) a on a.id = page.article_id
 order by page.published_at desc, page.article_id desc
 limit 21;

\echo '== 4. Filters that cannot match: one index probe each (PublishedFacets), then no page query'
explain (analyze, buffers, costs off)
select exists (select from article where status = 'PUBLISHED' and published_at <= now() and lower(source) = lower('zz'));
explain (analyze, buffers, costs off)
select exists (select from article where status = 'PUBLISHED' and published_at <= now() and lower(dateline) = lower('Atlantis'));
explain (analyze, buffers, costs off)
select exists (select from article where status = 'PUBLISHED' and published_at <= now() and language in ('xx'));

\echo '== 5. A filter that matches a rare value (the partner source, 1 in 7): the page walks its own index'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.published_at, a.version
  from visible_article(now()) a
 where lower(a.source) = lower('Partner')
 order by a.published_at desc, a.id desc
 limit 21;
