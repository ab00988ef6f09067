package io.dateline.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The domain event outbox (Spring Modulith's event publication registry in PostgreSQL).
 *
 * @param completedRetention how long a handled publication stays in {@code event_publication}, for
 *     looking into what happened; a day covers an operator's "what went out last night"
 * @param resubmitAfter an incomplete publication older than this (its listener failed, e.g. while
 *     the database was away) is handed to its listener again; start-up republishes all of them
 * @param scheduledScanInterval how often the newsroom looks for scheduled articles whose time came,
 *     to raise their "published" event: the most a subscriber hears of one late
 */
@ConfigurationProperties("dateline.events")
public record EventProperties(
        @DefaultValue("1d") Duration completedRetention,
        @DefaultValue("5m") Duration resubmitAfter,
        @DefaultValue("5s") Duration scheduledScanInterval) {}
