-- ?featured=true and ?breaking=true read only the flags still in force. Flags that expired are
-- never cleared by a write (readers compare the expiry with their "now"), so over a year thousands
-- pile up; an index in publish order would walk all of them to find the few current ones. Keyed
-- on the expiry instead, a range scan (until > now; a pin without end is 'infinity') returns exactly the
-- current flags, a few dozen at most, which are then sorted by publish time (docs/plans/flags.md).
create index article_featured_idx
    on article ((coalesce(featured_until, 'infinity')))
    where status = 'PUBLISHED' and featured;

create index article_breaking_idx
    on article (breaking_until)
    where status = 'PUBLISHED' and breaking_until is not null;
