-- One-topic streams and personalised feeds page through article_topic in publish order. To make
-- that a short index range scan per topic (instead of joining every article of a topic and
-- sorting), each assignment row carries the article's public publish time: the article's
-- published_at while it is PUBLISHED, null otherwise. Triggers keep the copy exact in the same
-- transaction as the article write, so no application path can forget it.
alter table article_topic add column published_at timestamptz;

update article_topic t
   set published_at = a.published_at
  from article a
 where a.id = t.article_id and a.status = 'PUBLISHED';

create function article_topic_take_visibility() returns trigger
language plpgsql as $$
begin
    select case when a.status = 'PUBLISHED' then a.published_at end
      into new.published_at
      from article a
     where a.id = new.article_id;
    return new;
end
$$;

create trigger article_topic_visibility_on_insert
    before insert or update of article_id on article_topic
    for each row execute function article_topic_take_visibility();

create function article_push_visibility() returns trigger
language plpgsql as $$
begin
    update article_topic
       set published_at = case when new.status = 'PUBLISHED' then new.published_at end
     where article_id = new.id;
    return null;
end
$$;

create trigger article_visibility_to_topics
    after update of status, published_at on article
    for each row
    when (old.status is distinct from new.status or old.published_at is distinct from new.published_at)
    execute function article_push_visibility();

create index article_topic_stream_idx
    on article_topic (topic_id, published_at desc, article_id desc)
    where published_at is not null;
