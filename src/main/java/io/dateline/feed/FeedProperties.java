package io.dateline.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param filteredStatementTimeout longest a feed page filtered by source, dateline, language or
 *     dates may take in PostgreSQL before it is cancelled (503). Every value is checked to exist
 *     first and has its own index, so a page normally costs milliseconds; the timeout only guards
 *     against a combination of filters that leaves a walk little to find. Plain All news and topic
 *     streams read one page through an index and need no guard.
 */
@ConfigurationProperties("dateline.feed")
record FeedProperties(@DefaultValue("3s") Duration filteredStatementTimeout) {

    FeedProperties {
        if (filteredStatementTimeout.isNegative() || filteredStatementTimeout.isZero()) {
            throw new IllegalArgumentException("dateline.feed.filtered-statement-timeout must be positive");
        }
    }
}
