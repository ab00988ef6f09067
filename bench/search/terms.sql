-- The query as SearchRepository.begin binds it for the statements of bench/search/: its tsquery in
-- each text search configuration (the Russian one OR'ed with the Cyrillic spelling), set from the
-- psql variables q and qCyrillic (the bench's queries are ASCII, so there is no Latin spelling).
select quote_literal(websearch_to_tsquery('english', :q)::text) as english,
       quote_literal((websearch_to_tsquery('russian', :q) || websearch_to_tsquery('russian', :qCyrillic))::text) as russian,
       quote_literal(websearch_to_tsquery('simple', :q)::text) as simple \gset
