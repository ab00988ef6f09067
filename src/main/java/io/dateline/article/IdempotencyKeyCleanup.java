package io.dateline.article;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets Idempotency-Keys older than dateline.newsroom.idempotency-ttl. */
@Component
class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeys keys;

    private final NewsroomProperties newsroom;

    private final Clock clock;

    IdempotencyKeyCleanup(IdempotencyKeys keys, NewsroomProperties newsroom, Clock clock) {
        this.keys = keys;
        this.newsroom = newsroom;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void deleteExpired() {
        int deleted = keys.deleteCreatedBefore(clock.instant().minus(newsroom.idempotencyTtl()));
        if (deleted > 0) {
            log.info("Forgot {} expired idempotency key(s)", deleted);
        }
    }
}
