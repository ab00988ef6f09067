/**
 * The news feed: the public "All news" stream, one-topic streams, and each reader's own feed, in
 * which the feed-filter composes the reader's preferences (followed and muted topics, languages)
 * with the request's filters into one keyset-paged SQL statement per page. Pages are walked with
 * opaque signed cursors ("Show more"), so page N costs what page 1 costs.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Feed",
        allowedDependencies = {"article", "topic", "reader", "media", "platform"})
package io.dateline.feed;
