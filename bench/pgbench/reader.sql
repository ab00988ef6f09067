-- A reader's feed: 3 followed topics, 1 muted, first page (bench/feed-explain.sql, section 3;
-- the position is a day ahead, i.e. the first page, and every language)
with ids as (select array_agg(id order by slug) as t from topic
              where slug in ('bench-topic-3', 'bench-topic-11', 'bench-topic-25', 'bench-topic-9'))
select a.id, a.slug, a.headline, a.lead, a.dateline, a.source, a.language, a.published_at,
       a.time_zone, a.page_count, a.version, a.updated_at,
       (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name, 'primary', x.is_primary)
                                 order by x.is_primary desc, tp.position, tp.name), '[]')
          from article_topic_link x join topic tp on tp.id = x.topic_id
         where x.article_id = a.id) as topics,
       article_featured(a.featured, a.featured_until, now()) as featured,
       case when article_breaking(a.breaking_until, now()) then a.urgency end as urgency,
       (select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt, 'renditions', i.renditions) from image i where i.id = a.lead_image_id) as lead_image
  from (select distinct article_id, published_at from (
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t
      where t.topic_id = (select t[2] from ids)
        and (t.published_at, t.article_id) < (now() + interval '1 day', 0)
        and not exists (select 1 from article_topic_link m where m.article_id = t.article_id and m.topic_id in ((select t[4] from ids)))
      order by t.published_at desc, t.article_id desc
      limit 21)
    union all
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t
      where t.topic_id = (select t[3] from ids)
        and (t.published_at, t.article_id) < (now() + interval '1 day', 0)
        and not exists (select 1 from article_topic_link m where m.article_id = t.article_id and m.topic_id in ((select t[4] from ids)))
      order by t.published_at desc, t.article_id desc
      limit 21)
    union all
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t
      where t.topic_id = (select t[1] from ids)
        and (t.published_at, t.article_id) < (now() + interval '1 day', 0)
        and not exists (select 1 from article_topic_link m where m.article_id = t.article_id and m.topic_id in ((select t[4] from ids)))
      order by t.published_at desc, t.article_id desc
      limit 21)
  ) branches) page
  join visible_article(now()) a on a.id = page.article_id
 order by page.published_at desc, page.article_id desc
 limit 21;