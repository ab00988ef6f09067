package io.dateline.platform;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which other origins' browser code may call the API. Empty lists (the default) answer no
 * cross-origin request at all, as before CORS was configurable.
 *
 * @param allowedOrigins origins (scheme://host[:port]) allowed to call the reader API under
 *     {@code /api/**}, with a reader's bearer token; the single value {@code *} allows every origin,
 *     and then only anonymous GET and HEAD requests (no Authorization header)
 * @param newsroomAllowedOrigins origins allowed to call the editors' and admins' trees
 *     ({@code /api/v1/newsroom/**}, {@code /api/v1/admin/**}); exact origins only, never {@code *}
 * @param maxAge how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("dateline.cors")
public record CorsProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue List<String> newsroomAllowedOrigins,
        @DefaultValue("1h") Duration maxAge) {

    public CorsProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
        newsroomAllowedOrigins = List.copyOf(newsroomAllowedOrigins);
        if (allowedOrigins.contains("*") && allowedOrigins.size() > 1) {
            throw new IllegalArgumentException(
                    "dateline.cors.allowed-origins: '*' stands alone (every origin, anonymous reads only)");
        }
        if (newsroomAllowedOrigins.stream().anyMatch(origin -> origin.contains("*"))) {
            throw new IllegalArgumentException(
                    "dateline.cors.newsroom-allowed-origins: list the editors' origins exactly; a wildcard would let"
                            + " any site drive the newsroom with a token it obtains");
        }
    }

    boolean publicAnyOrigin() {
        return allowedOrigins.equals(List.of("*"));
    }
}
