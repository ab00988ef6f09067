package io.dateline.article;

import io.dateline.platform.ClusterLocks;
import io.dateline.platform.PublicPagesChanged;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public changes of articles, in the order an app replays them to keep its copy exact (the
 * change feed that syndication serves). Changes are captured by a trigger in the writing
 * transaction (migration V110) and placed in the feed by {@link #sequence()}, which every instance
 * runs every {@code dateline.changes.sequencer-interval}; an advisory lock lets one run at a time
 * in the cluster. ShedLock ({@link ClusterLocks}) is not used: it holds a lock for at least 30 s,
 * far longer than this one-second job. Placing changes evicts the anonymous pages (cluster-wide), so
 * a cached change page is stale for about one interval, not for its whole max-age.
 */
@Service
public class ArticleChanges {

    private static final Logger log = LoggerFactory.getLogger(ArticleChanges.class);

    private final ArticleChangeLog changeLog;

    private final ChangeLogProperties properties;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ArticleChanges(
            ArticleChangeLog changeLog,
            ChangeLogProperties properties,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.changeLog = changeLog;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Up to {@code limit} changes after {@code position} (0: from the beginning), oldest first. */
    @Transactional(readOnly = true)
    public List<ArticleChange> after(long position, int limit) {
        return changeLog.after(position, clock.instant(), limit);
    }

    /**
     * Places every committed change whose time has come, batch by batch, each batch in its own
     * transaction under the cluster-wide lock.
     *
     * @return how many changes were placed; 0 also when another instance holds the lock
     */
    public int sequence() {
        int total = 0;
        int placed;
        do {
            placed = transactions.execute(status -> {
                int count = changeLog.lockSequencer()
                        ? changeLog.sequence(clock.instant(), properties.sequencerBatch())
                        : 0;
                if (count > 0) {
                    // change-feed pages (and, when a scheduled article's time came, every list) are
                    // cached for their max-age: drop them once the placed changes are readable
                    events.publishEvent(PublicPagesChanged.content());
                }
                return count;
            });
            total += placed;
        } while (placed == properties.sequencerBatch());
        return total;
    }

    @Scheduled(fixedDelayString = "${dateline.changes.sequencer-interval:1s}")
    void scheduledSequence() {
        try {
            sequence();
        } catch (RuntimeException ex) {
            // the next round retries: nothing is lost, pending rows wait in the table
            log.warn("Could not place article changes in the change feed: {}", ex.toString());
        }
    }
}
