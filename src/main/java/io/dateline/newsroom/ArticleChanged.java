package io.dateline.newsroom;

import java.time.Instant;
import java.util.UUID;

/**
 * A change to what the public sees of an article, raised in the transaction that made it (or, for
 * a scheduled article, in the transaction that notices its time has come) and kept in the event
 * publication registry until every listener handled it. One record with a type rather than a type
 * per change: subscribers (webhooks, the change feed) treat every change the same way, and one
 * serialized shape keeps the outbox readable.
 *
 * @param eventId stable across republications after a crash, so that a listener can drop a repeat
 * @param type what happened for the public
 * @param articleId the article's id; for {@link Type#DELETED} the article no longer exists
 * @param slug the article's slug at the time of the change
 * @param version the article's version after the change (for {@link Type#DELETED}, its last one)
 * @param occurredAt when the change became visible: the commit's time, or the scheduled publish time
 */
public record ArticleChanged(UUID eventId, Type type, long articleId, String slug, long version, Instant occurredAt) {

    public enum Type {
        /** Became visible: published now, or a scheduled publish time arrived. */
        PUBLISHED,
        /** Visible before and after: edited, restored, or given another publish time in the past. */
        UPDATED,
        /** No longer visible: back to a draft, or moved to a publish time still to come. */
        UNPUBLISHED,
        /** No longer visible: archived. */
        ARCHIVED,
        /** Purged for good (raised for articles that were ever public). */
        DELETED
    }
}
