-- Synthetic archive for benchmarks: 40 topics and 1,000,000 articles over ten years, one or two
-- topics each, 10% Russian, 2% drafts. Headlines, leads and bodies are drawn from a fixed
-- vocabulary so that full-text search sees common words (in most articles) and rare ones.
-- Idempotent: it does nothing when the bench articles exist already.
\set ON_ERROR_STOP on
\timing on

insert into topic (slug, name, position, created_at, updated_at)
select 'bench-topic-' || g, 'Bench topic ' || g, 1000 + g, now(), now()
  from generate_series(1, 40) g
on conflict do nothing;

do $$
begin
  if exists (select 1 from article where slug = 'bench-1') then
    raise notice 'bench articles exist already';
    return;
  end if;

  create temporary table vocabulary as
  select w, row_number() over () as n
    from unnest(string_to_array(
      'minister talks meeting president government economy market oil gas sanctions bank rates inflation '
      || 'moscow russia china india europe security council summit defense army navy space launch satellite '
      || 'science research university football hockey olympic championship election parliament court law '
      || 'weather storm flood fire earthquake rescue culture museum theatre film festival music award '
      || 'agreement treaty cooperation trade export import budget tax investment company shares growth '
      || 'energy nuclear power plant arctic railway airport airline tourism health vaccine hospital doctors '
      || 'education school students technology internet digital artificial intelligence robot drone '
      || 'diplomat embassy ambassador visit negotiations ceasefire humanitarian aid refugees border customs '
      || 'zanzibar quokka tessellation', ' ')) as w;

  insert into article (slug, language, headline, lead, body_text, page_count, dateline, source, time_zone,
                       status, published_at, first_published_at, created_at, updated_at, version)
  select 'bench-' || g,
         case when g % 10 = 0 then 'ru' else 'en' end,
         initcap(v1.w) || ' ' || v2.w || ' ' || v3.w || ' ' || g,
         'The ' || v2.w || ' of ' || v4.w || ' and ' || v5.w || ' continued on ' || v1.w || '.',
         repeat('Reports on ' || v3.w || ', ' || v5.w || ' and ' || v6.w || ' were discussed by the ' || v4.w
                || ' committee. ', 8)
           -- 7, not 0: every 50th article is a draft, and the rare word must be in published ones
           || case when g % 5000 = 7 then ' zanzibar' else '' end
           || case when g % 97 = 0 then ' quokka tessellation' else '' end,
         1,
         case g % 4 when 0 then 'MOSCOW' when 1 then 'LONDON' when 2 then 'BEIJING' else 'NEW DELHI' end,
         case when g % 7 = 0 then 'Partner' else 'Bench' end,
         'Europe/Moscow',
         case when g % 50 = 0 then 'DRAFT' else 'PUBLISHED' end,
         timestamptz '2016-01-01 00:00:00+00' + g * interval '5 minutes',
         timestamptz '2016-01-01 00:00:00+00' + g * interval '5 minutes',
         now(), now(), 1
    from generate_series(1, 1000000) g
    -- words 1..97 are the common vocabulary; the last three are the rare ones, added only above
    join vocabulary v1 on v1.n = 1 + (g * 7) % 97
    join vocabulary v2 on v2.n = 1 + (g * 13) % 97
    join vocabulary v3 on v3.n = 1 + (g * 31) % 97
    join vocabulary v4 on v4.n = 1 + (g * 17) % 97
    join vocabulary v5 on v5.n = 1 + (g * 23) % 97
    join vocabulary v6 on v6.n = 1 + (g * 29) % 97;

  -- a primary topic for every article, a second one for every third
  insert into article_topic (article_id, topic_id, is_primary)
  select a.id, t.id, true
    from article a
    join topic t on t.slug = 'bench-topic-' || (1 + (a.id % 40))
   where a.slug like 'bench-%';
  insert into article_topic (article_id, topic_id, is_primary)
  select a.id, t.id, false
    from article a
    join topic t on t.slug = 'bench-topic-' || (1 + ((a.id * 7 + 3) % 40))
   where a.slug like 'bench-%' and a.id % 3 = 0 and (a.id * 7 + 3) % 40 <> a.id % 40;
end
$$;

vacuum analyze article;
vacuum analyze article_topic;
vacuum analyze topic;
select count(*) as articles, count(*) filter (where status = 'PUBLISHED') as published from article;
