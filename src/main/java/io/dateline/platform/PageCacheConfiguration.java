package io.dateline.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the page cache (and the surrogate keys that label its pages for a CDN) here rather than
 * as components, so that web slice tests, which test a controller and pick up every filter
 * component, render every request themselves.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    @Bean
    AnonymousPageCache anonymousPageCache(PageCacheProperties properties, Clock clock, MeterRegistry meters) {
        return new AnonymousPageCache(properties, clock, meters);
    }

    @Bean
    SurrogateKeys surrogateKeys() {
        return new SurrogateKeys();
    }

    /** Off unless a purge URL is configured. */
    @Bean
    @ConditionalOnProperty("dateline.cdn.purge-url")
    CdnPurge cdnPurge(CdnProperties properties, OutboundHttp outbound, MeterRegistry meters) {
        return new CdnPurge(properties, outbound, meters);
    }
}
