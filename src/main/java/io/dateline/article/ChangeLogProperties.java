package io.dateline.article;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change feed ({@code GET /api/v1/changes}).
 *
 * @param sequencerInterval how often committed changes get their place in the feed: the delay
 *     between a write (or a scheduled article's publish time) and its appearance in the feed
 * @param sequencerBatch the most changes placed in one transaction; more wait for the next round,
 *     which follows at once
 * @param maxAge Cache-Control max-age of a page, and so the longest a client, a CDN or the anonymous
 *     page cache keeps an answer: short, because the feed grows without any write evicting it
 */
@ConfigurationProperties("dateline.changes")
public record ChangeLogProperties(
        @DefaultValue("1s") Duration sequencerInterval,
        @DefaultValue("10000") int sequencerBatch,
        @DefaultValue("5s") Duration maxAge) {}
