package io.dateline.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Housekeeping of the event publication registry, once per cluster per run: handled publications
 * are deleted after {@code dateline.events.completed-retention}, and incomplete ones whose listener
 * failed are handed to it again after {@code dateline.events.resubmit-after} (listeners are
 * idempotent: webhook deliveries are unique per event). Start-up republishes every incomplete
 * publication (spring.modulith.events.republish-outstanding-events-on-restart), which is what
 * brings back an event whose process died between the commit and the listener.
 */
@Component
class EventOutbox {

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

    private final CompletedEventPublications completed;

    private final IncompleteEventPublications incomplete;

    private final EventProperties properties;

    private final ClusterLocks locks;

    EventOutbox(
            CompletedEventPublications completed,
            IncompleteEventPublications incomplete,
            EventProperties properties,
            ClusterLocks locks) {
        this.completed = completed;
        this.incomplete = incomplete;
        this.properties = properties;
        this.locks = locks;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void scheduled() {
        locks.runOnce("event-outbox-housekeeping", Duration.ofMinutes(5), this::tidy);
    }

    void tidy() {
        completed.deletePublicationsOlderThan(properties.completedRetention());
        incomplete.resubmitIncompletePublicationsOlderThan(properties.resubmitAfter());
        log.debug("Event outbox tidied");
    }
}
