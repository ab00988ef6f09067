package io.dateline.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security would wrap each of its filters, and every authorization decision, in a Micrometer
 * observation of its own. Profiling liveness showed that decoration as most of the Java CPU of a
 * request that does nothing else; the HTTP server observation (and its metrics) still times every
 * request, and authentications, which are rarer and worth counting, stay observed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservationConfiguration {

    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .build();
    }
}
