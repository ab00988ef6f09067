-- Plans of the change feed (GET /api/v1/changes) at a million articles: the page query of
-- ArticleChangeLog.after and the sequencer's statement of ArticleChangeLog.sequence, as the service
-- sends them (parameters inlined). Run against a database migrated through V116 (flags) and V106 (pictures); on an older one,
-- wrap it: begin; \i src/main/resources/db/migration/V110__create_article_change_log.sql; analyze
-- article_change; \ir bench/changes-explain.sql; rollback;
\set now '''2026-12-01T12:00:00Z'''

\echo '== first page (since absent: position 0), limit 100 + 1'
explain (analyze, buffers, costs off)
select c.position, c.kind, c.article_id, a.id is not null as present,
       a.status, a.slug, a.headline, a.lead, a.dateline, a.source, a.language,
       a.time_zone, a.page_count, a.published_at, a.updated_at, a.version,
       article_featured(a.featured, a.featured_until, :now::timestamptz) as featured,
       case when article_breaking(a.breaking_until, :now::timestamptz) then a.urgency end as urgency,
       v.visible,
       case when v.visible then
           (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name,
                                                       'primary', x.is_primary)
                                     order by x.is_primary desc, tp.position, tp.name), '[]')
              from article_topic x join topic tp on tp.id = x.topic_id
             where x.article_id = a.id)
       end as topics,
       case when v.visible then
           (select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt,
                                     'renditions', i.renditions) from image i where i.id = a.lead_image_id)
       end as lead_image
  from article_change c
  left join article a on a.id = c.article_id
  cross join lateral (select coalesce(a.status = 'PUBLISHED'
                                      and a.published_at <= greatest(:now::timestamptz, c.effective_at),
                                      false) as visible) v
 where c.position > 0
 order by c.position
 limit 101;

\echo '== a deep page (an app that synced most of the archive), limit 500 + 1'
select max(position) - 1000 as deep from article_change \gset
explain (analyze, buffers, costs off)
select c.position, c.kind, c.article_id, a.id is not null as present,
       a.status, a.slug, a.headline, a.lead, a.dateline, a.source, a.language,
       a.time_zone, a.page_count, a.published_at, a.updated_at, a.version,
       article_featured(a.featured, a.featured_until, :now::timestamptz) as featured,
       case when article_breaking(a.breaking_until, :now::timestamptz) then a.urgency end as urgency,
       v.visible,
       case when v.visible then
           (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name,
                                                       'primary', x.is_primary)
                                     order by x.is_primary desc, tp.position, tp.name), '[]')
              from article_topic x join topic tp on tp.id = x.topic_id
             where x.article_id = a.id)
       end as topics,
       case when v.visible then
           (select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt,
                                     'renditions', i.renditions) from image i where i.id = a.lead_image_id)
       end as lead_image
  from article_change c
  left join article a on a.id = c.article_id
  cross join lateral (select coalesce(a.status = 'PUBLISHED'
                                      and a.published_at <= greatest(:now::timestamptz, c.effective_at),
                                      false) as visible) v
 where c.position > :deep
 order by c.position
 limit 501;

\echo '== an app that is up to date: the empty page at the end'
select max(position) as tip from article_change \gset
explain (analyze, buffers, costs off)
select c.position from article_change c left join article a on a.id = c.article_id
 where c.position > :tip order by c.position limit 101;

\echo '== one edit of a published article: the trigger adds a pending row in the writer''s transaction'
explain (analyze, buffers, costs off)
update article set updated_at = :now::timestamptz, version = version + 1
 where id = (select min(id) from article where status = 'PUBLISHED');

\echo '== 1000 more edits, then the sequencer places the 1001 pending changes'
update article set updated_at = :now::timestamptz, version = version + 1
 where id in (select id from article where status = 'PUBLISHED' order by id limit 1000 offset 1);
select pg_try_advisory_xact_lock(7233190455492700263);
explain (analyze, buffers, costs off)
with due as (
    select id from article_change
     where position is null and effective_at <= :now::timestamptz
     order by effective_at, id
     limit 10000
       for update skip locked),
placed as (
    update article_change c set position = nextval('article_change_position_seq')
      from due where c.id = due.id
    returning c.article_id, c.position),
replaced as (
    delete from article_change old using placed p
     where old.article_id = p.article_id and old.position < p.position
    returning 1)
select count(*) from placed;

\echo '== the sequencer''s round when nothing is due (every second, most of the time)'
explain (analyze, buffers, costs off)
with due as (
    select id from article_change
     where position is null and effective_at <= :now::timestamptz
     order by effective_at, id
     limit 10000
       for update skip locked),
placed as (
    update article_change c set position = nextval('article_change_position_seq')
      from due where c.id = due.id
    returning c.article_id, c.position),
replaced as (
    delete from article_change old using placed p
     where old.article_id = p.article_id and old.position < p.position
    returning 1)
select count(*) from placed;

\echo '== size of the log'
select count(*) as rows, count(*) filter (where position is null) as pending,
       pg_size_pretty(pg_total_relation_size('article_change')) as size
  from article_change;
