explain (analyze, buffers, costs off)
with recent as (
    select a.id, a.headline, a.slug, a.published_at
      from visible_article(:now) a
     order by a.published_at desc, a.id desc
     limit :window),
prefix_recent as (
    select r.id, r.headline, r.slug, r.published_at
      from recent r
     where to_tsvector('simple', r.headline) @@ to_tsquery('simple', :prefix)
     order by r.published_at desc, r.id desc
     limit :limit),
prefix_older as (
    select p.id, p.headline, p.slug, p.published_at
      from (select a.id, a.headline, a.slug, a.published_at
              from visible_article(:now) a
             where to_tsvector('simple', a.headline) @@ to_tsquery('simple', :prefix)
               and (select count(*) from prefix_recent) < :limit
            offset 0) p
     order by p.published_at desc, p.id desc
     limit :limit),
prefix_headline as (
    select * from prefix_recent where (select count(*) from prefix_recent) >= :limit
    union all
    select * from prefix_older),
fuzzy_headline as (
    select f.id, f.headline, f.slug, f.published_at, word_similarity(:q, f.headline) as similarity
      from (select r.id, r.headline, r.slug, r.published_at
              from recent r
             where :q <% r.headline
            union
            (select o.id, o.headline, o.slug, o.published_at
               from (select a.id, a.headline, a.slug, a.published_at
                       from visible_article(:now) a
                      where :q <% a.headline
                     offset 0) o
              limit :pool)) f
     where :fuzzy and (select count(*) from prefix_headline) < :limit
     order by similarity desc, f.published_at desc, f.id desc
     limit :limit),
matched_topic as (
    select tp.name, tp.slug, word_similarity(:q, tp.name) as similarity
      from topic tp
     where to_tsvector('simple', tp.name) @@ to_tsquery('simple', :prefix)
        or :q <% tp.name
     order by similarity desc, tp.name
     limit :topics)
select 'topic' as type, name as text, slug, 1 as part,
       row_number() over (order by similarity desc, name) as n
  from matched_topic
union all
select 'article', headline, slug, 2, row_number() over (order by published_at desc, id desc)
  from prefix_headline
union all
select 'article', headline, slug, 3, row_number() over (order by similarity desc, published_at desc, id desc)
  from fuzzy_headline
 order by part, n;
