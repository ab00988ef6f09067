-- Editors' flags on an article: featured (pinned, until cleared or until featured_until) and
-- breaking (an IPTC urgency 1, most urgent, to 9, always with an expiry: breaking news that nobody
-- remembers to clear must not stay breaking for ever). A flag past its expiry is not cleared by a
-- write: readers compare the expiry with their "now" (article_featured and article_breaking below),
-- as visibility compares published_at, so it stops counting at the instant it expires.
--
-- Adding a not-null column with a constant default rewrites no rows; the checks scan the table once.
alter table article
    add column featured       boolean not null default false,
    add column featured_until timestamptz,
    add column urgency        integer,
    add column breaking_until timestamptz,
    add constraint article_urgency_range check (urgency between 1 and 9),
    add constraint article_breaking_has_expiry check ((urgency is null) = (breaking_until is null)),
    add constraint article_featured_until_needs_featured check (featured or featured_until is null);

-- The rules, owned by article like visible_article(now) (V97): LANGUAGE sql, one expression, so
-- PostgreSQL inlines them and the partial indexes of V116 still match the caller's conditions. A pin
-- without an end compares as 'infinity', so that one index range answers both kinds of pin.
create function article_featured(featured boolean, featured_until timestamptz, now timestamptz)
    returns boolean
    language sql immutable parallel safe
    as $$ select featured and coalesce(featured_until, 'infinity') > now $$;

create function article_breaking(breaking_until timestamptz, now timestamptz)
    returns boolean
    language sql immutable parallel safe
    as $$ select breaking_until is not null and breaking_until > now $$;
