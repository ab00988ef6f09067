explain (analyze, buffers, costs off)
with found as (
  (select m.id, m.sort_time, true as own
     from (select a.id, a.published_at as sort_time
             from visible_article(:now) a
            where ((a.language = 'en' and a.search_vector @@ cast(:english as tsquery))
                or (a.language = 'ru' and a.search_vector @@ cast(:russian as tsquery))
                or (a.language not in ('en', 'ru') and a.search_vector @@ cast(:simple as tsquery)))
              and a.published_at >= :from
           offset 0) m
    order by m.sort_time desc, m.id desc
    limit :limit)
)
select a.id, f.sort_time, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.document, d.query, 32) + case when ts_filter(d.document, '{a}') @@ d.query then 1 else 0 end as rank,
       (select count(*) from found where own) as own_matches,
       o.sort_time as oldest_own_time, o.id as oldest_own_id
  from (select id, max(sort_time) as sort_time from found group by id
         order by sort_time desc, id desc limit :limit) f
  join visible_article(:now) a on a.id = f.id
  left join (select id, sort_time from found where own
              order by sort_time, id limit 1) o on true
 cross join lateral (select a.search_head as document,
                            case a.language when 'en' then cast(:english as tsquery) when 'ru' then cast(:russian as tsquery) else cast(:simple as tsquery) end as query offset 0) d
 order by f.sort_time desc, f.id desc;
