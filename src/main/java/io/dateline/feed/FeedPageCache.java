package io.dateline.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dateline.platform.PublicPagesChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Feed pages by the canonical composed query, the cursor and the limit: readers whose preferences
 * compose to the same query share one page, so a reader's own feed (which the anonymous page cache
 * never serves, since it carries a token) costs no feed SQL while nothing changed.
 *
 * <p>A change on this instance ({@link PublicPagesChanged}, after its commit) drops every page
 * before the writer's request returns; one on another instance arrives through the same event
 * relayed by ClusterEvictions. A page read before a change began is never served after it: each
 * entry keeps the generation it was read in. A page lives at most {@code dateline.feed.page-ttl},
 * which also bounds how late a scheduled article appears in a cached page (no event marks the
 * moment its time comes); the default equals the feed's own Cache-Control max-age.
 */
@Component
class FeedPageCache {

    private final Cache<Key, Entry> pages;

    private final AtomicLong generation = new AtomicLong();

    FeedPageCache(FeedProperties properties, Clock clock, MeterRegistry meters) {
        // the application clock, so that a page ages as the application (and a test's clock) sees time
        this.pages = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(properties.pageTtl())
                .maximumSize(properties.pageCacheEntries())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, pages, "feedPages");
    }

    FeedService.Result get(FeedQuery query, String cursor, int limit, Supplier<FeedService.Result> read) {
        Key key = new Key(query.canonical(), cursor, limit);
        long current = generation.get();
        Entry cached = pages.getIfPresent(key);
        if (cached != null && cached.generation() == current) {
            return cached.result();
        }
        FeedService.Result result = read.get();
        pages.put(key, new Entry(current, result));
        return result;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void evict(PublicPagesChanged change) {
        if (change.scope() == PublicPagesChanged.Scope.CONTENT) {
            generation.incrementAndGet();
            pages.invalidateAll();
        }
    }

    private record Key(String query, String cursor, int limit) {}

    private record Entry(long generation, FeedService.Result result) {}
}
