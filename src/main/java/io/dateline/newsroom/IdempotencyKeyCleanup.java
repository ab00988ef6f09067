package io.dateline.newsroom;

import io.dateline.platform.ClusterLocks;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys older than dateline.newsroom.idempotency-ttl, on one instance of the
 * cluster per run (one indexed DELETE; 30 s, the shortest lock, is ample).
 */
@Component
class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeys keys;

    private final NewsroomProperties newsroom;

    private final Clock clock;

    private final ClusterLocks locks;

    IdempotencyKeyCleanup(IdempotencyKeys keys, NewsroomProperties newsroom, Clock clock, ClusterLocks locks) {
        this.keys = keys;
        this.newsroom = newsroom;
        this.clock = clock;
        this.locks = locks;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void scheduled() {
        locks.runOnce("idempotency-key-cleanup", Duration.ofSeconds(30), this::deleteExpired);
    }

    void deleteExpired() {
        int deleted = keys.deleteCreatedBefore(clock.instant().minus(newsroom.idempotencyTtl()));
        if (deleted > 0) {
            log.info("Forgot {} expired idempotency key(s)", deleted);
        }
    }
}
