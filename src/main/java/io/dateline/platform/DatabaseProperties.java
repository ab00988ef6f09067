package io.dateline.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long database work may take, by class of work, and how the service answers while the
 * database is unavailable. The request-path limits follow from one promise: a request that needs
 * a stalled or lost database answers 503 within 3 seconds instead of hanging.
 *
 * @param readTimeout statement timeout of GET and HEAD requests; public reads are single indexed
 *     queries that take milliseconds, so 2 s only ever cuts a stall
 * @param writeTimeout statement timeout of every other request (editorial writes, preference saves):
 *     one-article transactions that also take milliseconds; with the network margin a stalled
 *     write fails at about 2.25 s, leaving the 3 s promise room for a loaded machine
 * @param longTimeout statement timeout of work outside a request: migrations at start-up, scheduled
 *     imports, background jobs and event listeners, which may legitimately run for minutes
 * @param readinessTimeout the longest the readiness probe waits for the database before it reports
 *     DOWN; well under the 1 s that an orchestrator's probe usually allows, so that a busy JVM still
 *     answers in time
 */
@ConfigurationProperties("dateline.database")
public record DatabaseProperties(
        @DefaultValue("2s") Duration readTimeout,
        @DefaultValue("2s") Duration writeTimeout,
        @DefaultValue("5m") Duration longTimeout,
        @DefaultValue("500ms") Duration readinessTimeout) {}
