-- Three topics in one stream, first page (bench/feed-explain.sql, section 3's shape)
with ids as (select array_agg(id order by slug) as t from topic
              where slug in ('bench-topic-2', 'bench-topic-5', 'bench-topic-17'))
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
      order by t.published_at desc, t.article_id desc
      limit 21)
    union all
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t
      where t.topic_id = (select t[3] from ids)
        and (t.published_at, t.article_id) < (now() + interval '1 day', 0)
      order by t.published_at desc, t.article_id desc
      limit 21)
    union all
    (select t.article_id, t.published_at
       from visible_article_topic(now()) t
      where t.topic_id = (select t[1] from ids)
        and (t.published_at, t.article_id) < (now() + interval '1 day', 0)
      order by t.published_at desc, t.article_id desc
      limit 21)
  ) branches) page
  join visible_article(now()) a on a.id = page.article_id
 order by page.published_at desc, page.article_id desc
 limit 21;