package io.dateline.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param filteredStatementTimeout longest a feed page filtered by source, dateline, language or
 *     dates may take in PostgreSQL before it is cancelled (503). Every value is checked to exist
 *     first and has its own index, so a page normally costs milliseconds; the timeout only guards
 *     against a combination of filters that leaves a walk little to find. Plain All news and topic
 *     streams read one page through an index and need no guard.
 * @param pageTtl longest a feed page is reused from memory (FeedPageCache): a change on any instance
 *     drops it sooner; this bounds how late a scheduled article enters a cached page. 0 turns the
 *     cache off. The default is the feed's Cache-Control max-age, which clients may reuse it for anyway.
 * @param pageCacheEntries most feed pages held in memory (a page of 20 summaries is some 10 KB)
 */
@ConfigurationProperties("dateline.feed")
record FeedProperties(
        @DefaultValue("3s") Duration filteredStatementTimeout,
        @DefaultValue("15s") Duration pageTtl,
        @DefaultValue("2000") int pageCacheEntries) {

    FeedProperties {
        if (filteredStatementTimeout.isNegative() || filteredStatementTimeout.isZero()) {
            throw new IllegalArgumentException("dateline.feed.filtered-statement-timeout must be positive");
        }
        if (pageTtl.isNegative()) {
            throw new IllegalArgumentException("dateline.feed.page-ttl must not be negative");
        }
        if (pageCacheEntries < 0) {
            throw new IllegalArgumentException("dateline.feed.page-cache-entries must not be negative");
        }
    }
}
