package io.dateline.platform;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service may fetch from (partner feeds, bank files). By default only public addresses
 * on the scheme's default port: see {@link Destinations} for what "public" means.
 *
 * @param allowedHosts host names, IP addresses or CIDR blocks (e.g. {@code 127.0.0.1/32}) that may
 *     be reached even though they are internal, on any port; empty in production, set by tests and
 *     by operators whose bank mirror sits on their own network
 * @param allowedPorts ports besides 80 and 443 that any public host may be reached on
 * @param maxRedirects redirects followed by hand, each hop checked again; more are a failure
 */
@ConfigurationProperties("dateline.outbound")
public record OutboundProperties(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue List<Integer> allowedPorts,
        @DefaultValue("3") int maxRedirects) {}
