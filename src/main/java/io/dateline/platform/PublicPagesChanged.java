package io.dateline.platform;

/**
 * Published by every write that changes what anonymous readers see, inside the writing transaction.
 * Listeners run after the commit and before the writer's request returns: in-memory tables reload,
 * then the {@link AnonymousPageCache} drops every page of the scope, so the next anonymous request
 * on this instance sees the change.
 *
 * <p>Its listeners are {@code @TransactionalEventListener(phase = AFTER_COMPLETION)}, not
 * AFTER_COMMIT: Spring Modulith's event publication registry (the outbox of {@code
 * newsroom.ArticleChanged}) stores a row for, and proxies the bean of, every AFTER_COMMIT listener,
 * which would add database writes to every eviction and break the page cache filter. After a
 * rollback (rare: the event is published after the write's checks) the pages are dropped for
 * nothing, which costs a re-render and is never wrong.
 *
 * <p>The scope is deliberately coarse: working out which cached pages one edited article appears on
 * (every stream page, topic stream, search result and feed it could enter or leave) would cost more
 * than re-rendering them, and writes are rare next to reads.
 */
public record PublicPagesChanged(Scope scope) {

    public enum Scope {
        /** Articles, topics, feeds, search, syndication and partner news. */
        CONTENT,
        /** Currency reference data and rate tables. */
        CURRENCY
    }

    public static PublicPagesChanged content() {
        return new PublicPagesChanged(Scope.CONTENT);
    }

    public static PublicPagesChanged currency() {
        return new PublicPagesChanged(Scope.CURRENCY);
    }
}
