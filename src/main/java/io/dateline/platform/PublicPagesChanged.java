package io.dateline.platform;

/**
 * Published by every write that changes what anonymous readers see, inside the writing transaction.
 * Listeners run after the commit and before the writer's request returns: in-memory tables reload,
 * then the {@link AnonymousPageCache} drops every page of the scope, so the next anonymous request
 * on this instance sees the change.
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
