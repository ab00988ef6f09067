package io.dateline.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The anonymous page cache ({@link AnonymousPageCache}).
 *
 * @param enabled serve anonymous reads from memory; off, every request renders
 * @param maxSize bound on the bytes held (bodies, headers and keys); least-used pages leave first
 * @param staleWhileRevalidate added to the Cache-Control of public reads, so that a CDN may serve a
 *     page that just expired while it fetches the next one; short, since it adds to the staleness a
 *     reader may see
 * @param staleIfError added likewise: how long a CDN may keep serving an expired page while this
 *     service answers with errors
 */
@ConfigurationProperties("dateline.page-cache")
public record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("30s") Duration staleWhileRevalidate,
        @DefaultValue("5m") Duration staleIfError) {}
