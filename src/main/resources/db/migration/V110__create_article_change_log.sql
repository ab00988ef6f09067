-- The change feed's log (GET /api/v1/changes): which articles an app holding a copy must look at
-- again, in an order every reader sees grow only at its end.
--
-- A row is written by a trigger in the same transaction as the change to the article, so no change
-- is lost and none is recorded that rolled back. It gets its position later, from the sequencer
-- (ArticleChangeLog.sequence): one transaction at a time, under an advisory lock, numbers the rows
-- that are committed and whose effective_at has come. Positions therefore follow the order in which
-- rows became readable, which neither an insert-time sequence (transactions commit out of order) nor
-- a timestamp gives, and a scheduled article enters the feed when its time comes although nothing is
-- written then.
--
-- A row says only "this article changed"; the feed shows the article as it is when read. So one row
-- per article and moment suffices: a write replaces the article's pending rows with its own (one, or
-- two when a live article is rescheduled: hidden now, back at the new time), and a sequenced row
-- replaces the article's older sequenced ones (sequencer). The log holds about one row
-- per article ever published, tombstones of purged articles included, and a cursor never gets too
-- old: what it skipped has a newer row after it.
create sequence article_change_position_seq;

create table article_change (
    id           bigint generated always as identity primary key,
    -- no foreign key: a purged article's tombstone outlives it
    article_id   bigint      not null,
    -- what the write did: published, updated, unpublished, archived, deleted
    kind         varchar(16) not null,
    -- when the change becomes public: a scheduled article's publish time, else -infinity (at once)
    effective_at timestamptz not null,
    -- the feed's order, set by the sequencer; null while pending
    position     bigint,
    constraint article_change_kind_check
        check (kind in ('published', 'updated', 'unpublished', 'archived', 'deleted'))
);

-- a page of the feed: a range scan from the cursor's position
create unique index article_change_position_uidx on article_change (position) where position is not null;
-- the sequencer's work: pending rows whose time has come
create index article_change_pending_idx on article_change (effective_at, id) where position is null;
-- collapsing older rows of one article
create index article_change_article_idx on article_change (article_id);

create function record_article_change() returns trigger
    language plpgsql
    as $$
declare
    target    bigint;
    what      text;
    effective timestamptz := '-infinity';
begin
    if tg_op = 'DELETE' then
        -- a purge of an article the public could not see changes nothing public
        if old.status <> 'PUBLISHED' then
            return null;
        end if;
        target := old.id;
        what := 'deleted';
    elsif new.status = 'PUBLISHED' then
        target := new.id;
        effective := new.published_at;
        -- updated_at is the application's clock at this write: was the old state visible then?
        what := case
                    when tg_op = 'UPDATE' and old.status = 'PUBLISHED' and old.published_at <= new.updated_at
                        then 'updated'
                    else 'published'
                end;
    elsif tg_op = 'UPDATE' and old.status = 'PUBLISHED' then
        target := new.id;
        what := case when new.status = 'ARCHIVED' then 'archived' else 'unpublished' end;
    else
        -- drafts and archived articles change nothing public
        return null;
    end if;
    delete from article_change where article_id = target and position is null;
    if what = 'updated' and effective > new.updated_at then
        -- a live article rescheduled to the future leaves the public now and comes back then
        insert into article_change (article_id, kind, effective_at) values (target, 'unpublished', '-infinity');
        what := 'published';
    end if;
    insert into article_change (article_id, kind, effective_at) values (target, what, effective);
    return null;
end
$$;

create trigger article_change_log
    after insert or update or delete on article
    for each row execute function record_article_change();

-- Articles published before this migration: visible ones in publish order, scheduled ones pending.
insert into article_change (article_id, kind, effective_at, position)
select id, 'published', published_at, nextval('article_change_position_seq')
  from (select id, published_at from article
         where status = 'PUBLISHED' and published_at <= now()
         order by published_at, id) visible;

insert into article_change (article_id, kind, effective_at)
select id, 'published', published_at from article where status = 'PUBLISHED' and published_at > now();
