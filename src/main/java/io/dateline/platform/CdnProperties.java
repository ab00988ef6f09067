package io.dateline.platform;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional CDN purge hook ({@link CdnPurge}).
 *
 * @param purgeUrl where to POST the surrogate keys of changed pages; unset, nothing is purged and a
 *     CDN keeps pages for their max-age. Its host must pass the outbound checks
 *     ({@code dateline.outbound.*}) like any other outbound URL
 * @param purgeToken sent as {@code Authorization: Bearer ...} when set; from the environment only
 * @param connectTimeout connect timeout of a purge call
 * @param readTimeout read timeout of a purge call
 */
@ConfigurationProperties("dateline.cdn")
public record CdnProperties(
        URI purgeUrl,
        String purgeToken,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {}
