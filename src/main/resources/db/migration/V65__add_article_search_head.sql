-- A compact vector of the headline (A) and lead (B) only, for ranking. The full search_vector
-- (V40) holds the body too and is TOASTed (some 2 KB compressed for a 3 KB article): ranking a
-- candidate on it reads and decompresses all of that once more after the match. This one is a
-- few hundred bytes, stored in the row, so ranking a window of candidates costs microseconds each.
-- Matching still uses search_vector and its GIN index: body matches are found, and rank by
-- recency behind headline and lead matches (docs/search-performance.md has the measurements).
alter table article add column search_head tsvector generated always as (
    setweight(to_tsvector(article_search_config(language), headline), 'A')
    || setweight(to_tsvector(article_search_config(language), coalesce(lead, '')), 'B')
) stored;
