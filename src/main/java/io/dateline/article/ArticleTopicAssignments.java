package io.dateline.article;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.dateline.platform.HttpProperties;
import io.dateline.platform.PublicPagesChanged;
import io.dateline.topic.TopicAssignments;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Answers the topic feature's questions about articles; see {@link TopicAssignments}.
 *
 * <p>Published counts per topic are held in memory: counting means joining every visible article
 * (about 0.75 s at 300,000 articles, growing linearly), while the topic list is read by every app
 * start. After {@code dateline.http.article-max-age} (as long as clients may keep the list anyway)
 * the next read starts a recount in the background and keeps getting the held counts until it lands,
 * so no reader waits for a recount and concurrent readers never start a second one. Every editorial
 * write on this instance drops the counts after commit, so editors see their own change at once;
 * the first read after it counts again, once for all readers that arrive meanwhile.
 */
@Component
class ArticleTopicAssignments implements TopicAssignments {

    private static final String ALL = "all";

    private final ArticleQueries queries;

    private final LoadingCache<String, Map<Long, Long>> counts;

    ArticleTopicAssignments(ArticleQueries queries, HttpProperties http, Clock clock) {
        this.queries = queries;
        // the application clock, so that counts age with the time visibility is judged by; after
        // long without readers the held counts are too old to show even once while recounting
        this.counts = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .refreshAfterWrite(http.articleMaxAge())
                .expireAfterWrite(http.articleMaxAge().multipliedBy(10))
                .build(key -> Map.copyOf(queries.countPublishedByTopic(clock.instant())));
    }

    /**
     * Counts as of the last (re)count: visibility follows publish times, so an article scheduled for
     * a moment since then is counted by the next recount, at most one max-age later.
     */
    @Override
    public Map<Long, Long> countPublished(Instant now) {
        return counts.get(ALL);
    }

    @Override
    public long countPublished(long topicId, Instant now) {
        return countPublished(now).getOrDefault(topicId, 0L);
    }

    @Override
    public long countAll(long topicId) {
        return queries.countAll(topicId);
    }

    @Override
    @Transactional
    public void reassign(long fromTopicId, long toTopicId) {
        queries.reassignTopic(fromTopicId, toTopicId);
    }

    /**
     * Before the page cache drops its pages (which run at the lowest precedence), so that a topic
     * list rendered in between cannot be stored with the old counts. An in-flight recount that
     * began before the commit is discarded by the invalidation.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forgetCounts(PublicPagesChanged change) {
        if (change.scope() == PublicPagesChanged.Scope.CONTENT) {
            counts.invalidateAll();
        }
    }
}
