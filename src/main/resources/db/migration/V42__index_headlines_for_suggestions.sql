-- Suggestions as the reader types (SuggestionRepository). Only published headlines are ever
-- suggested, so both indexes cover those rows alone.

-- Word prefixes ("lavr" -> "Lavrov talks"), in the 'simple' configuration: no stemming, because a
-- prefix typed past a stem must still match ("ministr" is not a prefix of the English stem
-- "minist", but is one of the simple lexeme "minister").
create index article_headline_prefix_idx on article using gin (to_tsvector('pg_catalog.simple'::regconfig, headline))
    where status = 'PUBLISHED';

-- Typos ("Lavorv" -> "Lavrov") by trigram word similarity. pg_trgm is a trusted extension: the
-- database owner may create it.
create extension if not exists pg_trgm;

create index article_headline_trgm_idx on article using gin (headline gin_trgm_ops) where status = 'PUBLISHED';
create index topic_name_trgm_idx on topic using gin (name gin_trgm_ops);
