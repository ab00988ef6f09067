-- Articles scheduled for a time still to come, whose "published" event is raised when that time
-- arrives without any write (ScheduledArticleEvents). A row lives from the scheduling write until
-- the event is raised, or until a later write unschedules, reschedules or purges the article.
create table scheduled_article_event (
    article_id bigint      primary key references article (id) on delete cascade,
    publish_at timestamptz not null
);

create index scheduled_article_event_due_idx on scheduled_article_event (publish_at);

-- articles already scheduled when this migration runs get their event too
insert into scheduled_article_event (article_id, publish_at)
select id, published_at from article where status = 'PUBLISHED' and published_at > now();
