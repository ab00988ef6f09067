package io.dateline.topic;

/** What other features know of a topic: its id for joins, its slug and name for clients. */
public record TopicRef(long id, String slug, String name) {}
