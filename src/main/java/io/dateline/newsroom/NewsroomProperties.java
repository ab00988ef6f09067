package io.dateline.newsroom;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the zone of an article's dateline when the editor gives none: publish times are
 *     shown with its offset ("19:08 UTC+3")
 * @param idempotencyTtl how long a POST's Idempotency-Key is remembered; a day covers the retries of
 *     a flaky mobile connection without keeping responses forever
 * @param breakingFor how long an article stays breaking news when the editor gives no end: a few
 *     hours, as wire services keep an "urgent" banner, so that a forgotten flag ends by itself
 */
@ConfigurationProperties("dateline.newsroom")
record NewsroomProperties(
        @DefaultValue("Europe/Moscow") ZoneId timeZone,
        @DefaultValue("24h") Duration idempotencyTtl,
        @DefaultValue("6h") Duration breakingFor) {}
