-- Full-text search over articles. Each article is indexed with the text search configuration of
-- its own language, so that English words are stemmed as English ("meetings" -> meet) and Russian
-- as Russian ("министров" -> министр); other languages are only lower-cased (simple). Queries
-- search each language group with its own configuration (see SearchRepository).
create function article_search_config(language varchar) returns regconfig
    language sql immutable parallel safe
    return case language
        when 'en' then 'pg_catalog.english'::regconfig
        when 'ru' then 'pg_catalog.russian'::regconfig
        else 'pg_catalog.simple'::regconfig
    end;

-- A stored generated column, so that no write path can forget it and the vector always matches
-- the row. Weights rank where a word occurs: headline A, lead B, body C. body_text is already the
-- plain text of all pages (HTML stripped by the application). Only its first 250,000 characters
-- are indexed: a tsvector is limited to 1 MB, and the worst case (all words distinct) of that many
-- characters stays near half of it, so no article can fail to save; 250,000 characters are some
-- 40,000 words, far beyond any news article.
alter table article add column search_vector tsvector generated always as (
    setweight(to_tsvector(article_search_config(language), headline), 'A')
    || setweight(to_tsvector(article_search_config(language), coalesce(lead, '')), 'B')
    || setweight(to_tsvector(article_search_config(language), left(body_text, 250000)), 'C')
) stored;

-- One index for every status: editors search drafts with it too. A partial index for published
-- rows would save only the share of drafts and archived articles (a few percent), and the planner
-- could not use it for an editor's draft search.
create index article_search_idx on article using gin (search_vector);
