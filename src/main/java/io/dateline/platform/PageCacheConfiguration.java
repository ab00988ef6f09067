package io.dateline.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the page cache here rather than as a component, so that web slice tests, which test a
 * controller and pick up every filter component, render every request themselves.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    @Bean
    AnonymousPageCache anonymousPageCache(PageCacheProperties properties, Clock clock, MeterRegistry meters) {
        return new AnonymousPageCache(properties, clock, meters);
    }
}
