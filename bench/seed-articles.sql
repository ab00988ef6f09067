-- Synthetic archive, phase 2: articles :lo to :hi (psql variables) and their topics. run.sh runs
-- several chunks two at a time. One article in ten is Russian; 2.5% are drafts; one in 400 is
-- scheduled up to a month ahead; the rest are published every ~5 minutes over the past 9.5 years,
-- so the newest is about now. Topics: a primary one and, for half the articles, one or two more,
-- all drawn by Zipf rank over the 40 topics. Rare words for search plans: "zanzibar" in 1 article
-- in 5,000, "quokka tessellation" in 1 in 97.
\set ON_ERROR_STOP on

with sizes as (select (select count(*) from bench_sentence where lang = 'en') as en,
                      (select count(*) from bench_sentence where lang = 'ru') as ru,
                      (select count(*) - 3 from bench_word where lang = 'en') as en_words,
                      (select count(*) from bench_word where lang = 'ru') as ru_words),
drawn as (
  select g,
         case when abs(hashint8(g)) % 10 = 0 then 'ru' else 'en' end as lang,
         case when g % 40 = 0 then 'DRAFT' else 'PUBLISHED' end as status,
         case when g % 400 = 1 then now() + (1 + g % 30) * interval '1 day' + (g % 1440) * interval '1 minute'
              else now() - (1000000 - g) * interval '5 minutes' - (abs(hashint8(g * 3)) % 240) * interval '1 second'
         end as at,
         1 + floor(exp(random() * ln(21)))::int as city
    from generate_series(:lo, :hi) g)
insert into article (slug, language, headline, lead, body_text, page_count, dateline, source, time_zone,
                     status, published_at, first_published_at, created_at, updated_at, version)
select 'bench-' || d.g, d.lang, h.headline, l.lead, b.body, 1, c.name,
       case when d.g % 7 = 0 then 'Partner' else 'Dateline' end,
       c.zone, d.status,
       case when d.status = 'PUBLISHED' then d.at end,
       case when d.status = 'PUBLISHED' then d.at end,
       d.at, d.at, 1
  from drawn d
  cross join sizes z
  join bench_city c on c.n = least(d.city, 20)
  cross join lateral (
      select initcap(string_agg(w.w, ' ' order by k)) as headline
        from generate_series(1, 5 + d.g % 6) k
        cross join lateral (select floor(exp(random() * ln(case d.lang when 'en' then z.en_words else z.ru_words end + 1)))::int
                                   + 0 * k as r) q
        join bench_word w on w.lang = d.lang and w.n = q.r) h
  cross join lateral (
      select string_agg(s.s, ' ' order by k) as lead
        from generate_series(1, 2) k
        join bench_sentence s on s.lang = d.lang
                             and s.n = 1 + abs(hashint8(d.g * 64 + k)) % (case d.lang when 'en' then z.en else z.ru end)) l
  cross join lateral (
      select string_agg(s.s, case when k % 9 = 3 and k > 3 then E'\n\n' else ' ' end order by k)
             || case when d.g % 5000 = 7 then ' The zanzibar delegation arrived.' else '' end
             || case when d.g % 97 = 0 then ' A quokka tessellation was shown.' else '' end as body
        from generate_series(3, 47) k
        join bench_sentence s on s.lang = d.lang
                             and s.n = 1 + abs(hashint8(d.g * 64 + k)) % (case d.lang when 'en' then z.en else z.ru end)) b;

insert into article_topic (article_id, topic_id, is_primary)
select distinct on (a.id, t.id) a.id, t.id, p.k = 1
  from article a
  cross join lateral (select k, floor(exp(random() * ln(41)))::int as r
                        from generate_series(1, case when a.id % 2 = 0 then 1 when a.id % 5 = 0 then 3 else 2 end) k) p
  join topic t on t.slug = 'bench-topic-' || least(p.r, 40)
 where a.slug in (select 'bench-' || g from generate_series(:lo, :hi) g)
 order by a.id, t.id, p.k;
