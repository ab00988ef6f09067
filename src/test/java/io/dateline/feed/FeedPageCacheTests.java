package io.dateline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.platform.PublicPagesChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which feed pages are served from memory, and when they no longer are. */
class FeedPageCacheTests {

    final MovableClock clock = new MovableClock();

    final FeedPageCache cache = new FeedPageCache(
            new FeedProperties(Duration.ofSeconds(3), Duration.ofSeconds(15), 100), clock, new SimpleMeterRegistry());

    final AtomicInteger reads = new AtomicInteger();

    final FeedQuery followed = FeedQuery.ALL.requireAnyOf(Set.of(1L, 2L)).exclude(Set.of(3L));

    @Test
    void readersWhosePreferencesComposeToTheSameQueryShareOnePage() {
        FeedQuery sameInOtherOrder = FeedQuery.ALL.exclude(Set.of(3L)).requireAnyOf(Set.of(2L, 1L));

        FeedService.Result first = cache.get(followed, null, 20, this::read);
        FeedService.Result second = cache.get(sameInOtherOrder, null, 20, this::read);

        assertThat(second).isSameAs(first);
        assertThat(reads).hasValue(1);
    }

    @Test
    void anotherQueryCursorOrLimitIsAnotherPage() {
        cache.get(followed, null, 20, this::read);

        cache.get(followed.exclude(Set.of(4L)), null, 20, this::read);
        cache.get(followed, "cursor", 20, this::read);
        cache.get(followed, null, 21, this::read);

        assertThat(reads).hasValue(4);
    }

    @Test
    void aContentChangeDropsEveryPageAndACurrencyChangeNone() {
        cache.get(followed, null, 20, this::read);

        cache.evict(PublicPagesChanged.currency());
        cache.get(followed, null, 20, this::read);
        cache.evict(PublicPagesChanged.content());
        cache.get(followed, null, 20, this::read);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aPageReadWhileAChangeCommittedIsNotServedAfterIt() {
        cache.get(followed, null, 20, () -> {
            FeedService.Result stale = read();
            cache.evict(PublicPagesChanged.content());
            return stale;
        });

        cache.get(followed, null, 20, this::read);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aPageLivesAtMostItsTimeToLive() {
        cache.get(followed, null, 20, this::read);

        clock.advance(Duration.ofSeconds(14));
        cache.get(followed, null, 20, this::read);
        clock.advance(Duration.ofSeconds(2));
        cache.get(followed, null, 20, this::read);

        assertThat(reads).hasValue(2);
    }

    private FeedService.Result read() {
        int n = reads.incrementAndGet();
        return new FeedService.Result(new FeedPage(List.of(), null), "W/\"" + n + "\"");
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
