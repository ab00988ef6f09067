package io.dateline.platform;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The liveness fast path, where the actuator serves the probes on the application's own port.
 * Declared here rather than as a component, so that web slice tests, which pick up every filter
 * component but have no actuator, do not need one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.SAME)
@ConditionalOnBooleanProperty(name = "management.endpoint.health.probes.enabled")
class LivenessProbeConfiguration {

    @Bean
    LivenessProbeFilter livenessProbeFilter(ApplicationAvailability availability, WebEndpointProperties endpoints) {
        return new LivenessProbeFilter(availability, endpoints);
    }
}
