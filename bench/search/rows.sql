explain (analyze, buffers, costs off)
select a.id, a.slug, a.headline, a.lead, a.dateline, a.source, a.language, a.published_at,
       a.time_zone, a.page_count, a.version, a.updated_at,
       (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name, 'primary', x.is_primary)
                                 order by x.is_primary desc, tp.position, tp.name), '[]')
          from article_topic_link x join topic tp on tp.id = x.topic_id
         where x.article_id = a.id) as topics,
       article_featured(a.featured, a.featured_until, :now) as featured,
       case when article_breaking(a.breaking_until, :now) then a.urgency end as urgency,
(select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt, 'renditions', i.renditions) from image i where i.id = a.lead_image_id) as lead_image,
       ts_headline(article_search_config(a.language), translate(a.headline, :protect, :protected), case a.language when 'en' then cast(:english as tsquery) when 'ru' then cast(:russian as tsquery) else cast(:simple as tsquery) end,
                   :headlineOptions) as marked_headline,
       left(a.body_text, 20000) as snippet_source,
       querytree(case a.language when 'en' then cast(:english as tsquery) when 'ru' then cast(:russian as tsquery) else cast(:simple as tsquery) end) as query_words
  from visible_article(:now) a
 where a.id in (:ids);
