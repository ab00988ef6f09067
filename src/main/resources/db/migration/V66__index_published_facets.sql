-- Filters by source, dateline and language: "does any published article have this value?" is one
-- index probe (so a filter that cannot match answers at once, without scanning), and a stream
-- filtered by a rare value walks these instead of reading the whole published index for it.
-- Without them, ?source=zz read every published row (seconds at a million articles;
-- docs/feed-plans.md).
create index article_source_published_idx
    on article (lower(source), published_at desc, id desc) where status = 'PUBLISHED';
create index article_dateline_published_idx
    on article (lower(dateline), published_at desc, id desc) where status = 'PUBLISHED';
create index article_language_published_idx
    on article (language, published_at desc, id desc) where status = 'PUBLISHED';
