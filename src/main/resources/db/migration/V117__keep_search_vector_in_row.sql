-- Search walks the newest articles and tests each one's search_vector (SearchService): a common
-- pair of words reads a few thousand vectors per query. Out of line in TOAST (the default for a
-- vector of some 2.5 KB), each test reads two TOAST chunks through the TOAST index: about six
-- buffers a row. Kept in the row (storage main, which moves it out only when the row would not fit
-- a page) and with rows allowed up to half a page before anything is moved out, the same walk
-- reads about one buffer a row: at a million articles a 2,000-row walk went from 30-34 ms to
-- 19-20 ms (bench/search/candidates-walk.sql, docs/search-performance.md).
--
-- Both settings apply to rows as they are written: rows stored before this migration keep their
-- out-of-line vectors until they are next updated, or until the table is rewritten
-- (VACUUM FULL article, or pg_repack without the exclusive lock) in a quiet hour.
alter table article alter column search_vector set storage main;

alter table article set (toast_tuple_target = 4080);
