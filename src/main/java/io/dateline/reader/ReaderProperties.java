package io.dateline.reader;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param preferencesCacheTtl how long a reader's feed preferences are reused from memory: a save on
 *     this instance evicts them when it commits; on other instances this bounds how long the old
 *     ones apply, as the token cache bounds a revocation
 */
@ConfigurationProperties("dateline.reader")
record ReaderProperties(@DefaultValue("5s") Duration preferencesCacheTtl) {

    ReaderProperties {
        if (preferencesCacheTtl.isNegative()) {
            throw new IllegalArgumentException("dateline.reader.preferences-cache-ttl must not be negative");
        }
    }
}
