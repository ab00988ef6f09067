-- Pictures at a million articles: a feed page, a topic stream page and a search page with the lead
-- image column the service selects (Pictures.column), next to the same statement without it, and
-- the check before an image is deleted. Step 0 gives the newest 5,000 visible articles a lead image
-- (one image row), the worst case for the pages read here: the probe runs for every returned row.
-- Run it inside a transaction that is rolled back, so the benchmark database keeps no picture:
--   begin; \ir bench/pictures-explain.sql; rollback;      (docs/plans/pictures.md)
\set ON_ERROR_STOP on
\pset pager off

\echo '== 0. one picture, the lead image of the newest 5,000 articles'
insert into image (hash, source_type, width, height, byte_size, caption, credit, alt, renditions,
                   created_at, updated_at, version)
values ('00000000000000000000000000000001', 'image/jpeg', 1280, 720, 100000, 'Bench caption', 'Bench', 'Bench alt',
        '[{"width": 320, "height": 180}, {"width": 640, "height": 360}, {"width": 1280, "height": 720}]',
        now(), now(), 0)
returning id as image \gset
update article set lead_image_id = :image
 where id in (select id from visible_article(now()) a order by a.published_at desc, a.id desc limit 5000);
analyze article;

\echo '== 1. All news, page 1 (21 rows), with the lead image'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.lead, a.dateline, a.source, a.language, a.published_at,
       a.time_zone, a.page_count, a.version,
       (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name, 'primary', x.is_primary)
                                 order by x.is_primary desc, tp.position, tp.name), '[]')
          from article_topic_link x join topic tp on tp.id = x.topic_id
         where x.article_id = a.id) as topics,
       (select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt,
                                 'renditions', i.renditions) from image i where i.id = a.lead_image_id) as lead_image
  from visible_article(now()) a
 order by a.published_at desc, a.id desc
 limit 21;

\echo '== 1b. The same page without the lead image (main before pictures)'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.lead, a.dateline, a.source, a.language, a.published_at,
       a.time_zone, a.page_count, a.version,
       (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name, 'primary', x.is_primary)
                                 order by x.is_primary desc, tp.position, tp.name), '[]')
          from article_topic_link x join topic tp on tp.id = x.topic_id
         where x.article_id = a.id) as topics
  from visible_article(now()) a
 order by a.published_at desc, a.id desc
 limit 21;

\echo '== 2. All news, a deep page (keyset), with the lead image'
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.published_at, a.version,
       (select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt,
                                 'renditions', i.renditions) from image i where i.id = a.lead_image_id) as lead_image
  from visible_article(now()) a
 where (a.published_at, a.id) < (timestamptz '2019-06-01 00:00:00+00', 400000)
 order by a.published_at desc, a.id desc
 limit 21;

\echo '== 3. One topic stream page (the topic with the most links), with the lead image'
select topic_id as topic from article_topic group by topic_id order by count(*) desc limit 1 \gset
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.published_at, a.version,
       (select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt,
                                 'renditions', i.renditions) from image i where i.id = a.lead_image_id) as lead_image
  from (select distinct article_id, published_at from (
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t
      where t.topic_id = :topic
      order by t.published_at desc, t.article_id desc
      limit 21)
  ) branches) page
  join visible_article(now()) a on a.id = page.article_id
 order by page.published_at desc, page.article_id desc
 limit 21;

\echo '== 4. A search page: the 20 rows of a result (rows.sql shape) with the lead image, highlights left out'
select string_agg(id::text, ',') as ids
  from (select id from article where status = 'PUBLISHED' order by published_at desc, id desc limit 20) p \gset
explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.published_at, a.version,
       (select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt,
                                 'renditions', i.renditions) from image i where i.id = a.lead_image_id) as lead_image
  from visible_article(now()) a
 where a.id in (:ids);

\echo '== 5. Deleting an image: which published articles show it (ArticleImageUses)'
explain (analyze, buffers, costs off)
select id from article where lead_image_id = :image and status = 'PUBLISHED'
union
select a.id from article_image ai join article a on a.id = ai.article_id
 where ai.image_id = :image and a.status = 'PUBLISHED'
order by 1
limit 20;
