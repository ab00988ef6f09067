package io.dateline.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link CrossOriginFilter} ahead of the page cache, and only when an origin is listed. */
@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

    static final int FILTER_ORDER = AnonymousPageCache.FILTER_ORDER - 10;

    @Bean
    FilterRegistrationBean<CrossOriginFilter> crossOriginFilter(
            CorsProperties properties, ProblemResponseWriter problems) {
        CrossOriginFilter filter = new CrossOriginFilter(properties, problems);
        FilterRegistrationBean<CrossOriginFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(FILTER_ORDER);
        registration.setEnabled(filter.enabled());
        return registration;
    }
}
