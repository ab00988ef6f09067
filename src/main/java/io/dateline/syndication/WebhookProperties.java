package io.dateline.syndication;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery of webhooks.
 *
 * @param deliveryEnabled whether this instance sends deliveries (events are still recorded for
 *     delivery when off, e.g. on an instance that should not call out)
 * @param pollInterval how often due deliveries are looked for: the usual delay of a delivery
 * @param initialBackoff the wait after a first failed attempt; it doubles with each further failure
 * @param maxBackoff the longest wait between two attempts
 * @param retryFor how long after the event a failing delivery is retried before it is marked failed:
 *     a day, so that a receiver down over a night or a weekend's day still gets everything
 * @param connectTimeout connecting to a receiver
 * @param readTimeout waiting for a receiver's answer: a slow receiver costs one delivery thread this
 *     long, never an editor's request
 * @param batchSize deliveries claimed per poll, sent in parallel
 */
@ConfigurationProperties("dateline.webhooks")
record WebhookProperties(
        @DefaultValue("true") boolean deliveryEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("20") int batchSize) {

    /**
     * How long a claimed delivery is held by its worker: past the longest call, after which a
     * delivery whose worker died is taken up again.
     */
    Duration lease() {
        return connectTimeout.plus(readTimeout).multipliedBy(2).plusSeconds(30);
    }
}
