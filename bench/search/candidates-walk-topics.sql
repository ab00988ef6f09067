explain (analyze, buffers, costs off)
with matched_topic as (
    select tp.id, tp.name
      from topic tp
     where tp.id in (:matchedTopics)),
found as (
  (select a.id, a.published_at as sort_time, true as own
     from (select a.id, a.language, a.source, a.dateline, a.published_at, a.updated_at, a.search_vector
             from visible_article(:now) a
            order by a.published_at desc, a.id desc
            limit :window) a
    where ((a.language = 'en' and a.search_vector @@ cast(:english as tsquery))
        or (a.language = 'ru' and a.search_vector @@ cast(:russian as tsquery))
        or (a.language not in ('en', 'ru') and a.search_vector @@ cast(:simple as tsquery)))
    order by a.published_at desc, a.id desc
    limit :limit)
  union all
  (select b.id, b.sort_time, false
     from matched_topic m
    cross join lateral (
        select a.id, s.published_at as sort_time
          from visible_article_topic(:now) s join visible_article(:now) a on a.id = s.article_id
         where s.topic_id = m.id
           and (a.search_vector || setweight(to_tsvector(article_search_config(a.language), m.name), 'B'))
               @@ case a.language when 'en' then cast(:english as tsquery) when 'ru' then cast(:russian as tsquery) else cast(:simple as tsquery) end
         order by s.published_at desc, s.article_id desc
         limit :limit) b)
)
select a.id, f.sort_time, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.document, d.query, 32) + case when ts_filter(d.document, '{a}') @@ d.query then 1 else 0 end as rank,
       (select count(*) from found where own) as own_matches,
       o.sort_time as oldest_own_time, o.id as oldest_own_id
  from (select id, max(sort_time) as sort_time from found group by id
         order by sort_time desc, id desc limit :limit) f
  join visible_article(:now) a on a.id = f.id
  left join (select id, sort_time from found where own
              order by sort_time, id limit 1) o on true
 cross join lateral (select a.search_head || coalesce(setweight(to_tsvector(article_search_config(a.language),
            (select string_agg(m.name, ' ' order by m.id)
               from article_topic_link x join matched_topic m on m.id = x.topic_id
              where x.article_id = a.id)), 'B'), '') as document,
                            case a.language when 'en' then cast(:english as tsquery) when 'ru' then cast(:russian as tsquery) else cast(:simple as tsquery) end as query offset 0) d
 order by f.sort_time desc, f.id desc;
