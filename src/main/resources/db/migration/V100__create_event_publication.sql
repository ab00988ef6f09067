-- Spring Modulith's JDBC event publication registry (its schema v2 for PostgreSQL), the outbox of
-- domain events: a publication is written in the transaction that raised the event, one row per
-- listener, and completed when the listener's own transaction commits. Rows still incomplete at
-- start-up are published again (spring.modulith.events.republish-outstanding-events-on-restart).
create table event_publication (
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);

-- the registry looks a publication up by its serialized event when the listener completes it
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
-- finding incomplete publications, and deleting completed ones older than the retention
create index event_publication_by_completion_date_idx on event_publication (completion_date);
