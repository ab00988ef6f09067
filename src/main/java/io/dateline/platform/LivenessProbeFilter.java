package io.dateline.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers an anonymous {@code GET /actuator/health/liveness} before the security chain, the page
 * cache and the actuator's reflective operation invoker, which together cost most of a probe's CPU:
 * a liveness probe is polled by every orchestrator and load balancer and must stay cheap when the
 * service is saturated. The answer is the actuator's own, computed from the same source (the
 * {@link ApplicationAvailability}'s {@link LivenessState}, the only member of the liveness group):
 * {@code {"status":"UP"}} with 200, or {@code {"status":"DOWN"}} with 503 once the state is BROKEN,
 * in the media type the actuator would choose, with the headers the security chain would add. The
 * request id, security headers and the HTTP server observation (its metrics tagged with the
 * actuator's URI pattern) run before this filter as for any request.
 *
 * <p>Whatever the actuator might answer differently goes the usual way: a request with credentials
 * (an administrator sees the group's components), an Accept header other than the plain ones, a
 * method other than GET or HEAD.
 */
@Order(LivenessProbeFilter.FILTER_ORDER)
class LivenessProbeFilter implements Filter {

    /** After the request id, the HTTP server observation and the security headers filters. */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final String V3_JSON = ApiVersion.V3.getProducedMimeType().toString();

    /** What Spring Security writes on every response it lets through (its default header writers). */
    private static final String[][] SECURITY_CHAIN_HEADERS = {
        {"X-XSS-Protection", "0"},
        {HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate"},
        {HttpHeaders.PRAGMA, "no-cache"},
        {HttpHeaders.EXPIRES, "0"},
        {"X-Frame-Options", "DENY"}
    };

    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);

    private final ApplicationAvailability availability;

    private final String path;

    private final String pathPattern;

    LivenessProbeFilter(ApplicationAvailability availability, WebEndpointProperties endpoints) {
        this.availability = availability;
        String base = endpoints.getBasePath();
        this.path = base + "/health/liveness";
        this.pathPattern = base + "/health/**";
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String mediaType = isProbe(request) ? mediaTypeFor(request.getHeader(HttpHeaders.ACCEPT)) : null;
        if (mediaType == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        boolean live = availability.getLivenessState() == LivenessState.CORRECT;
        byte[] body = live ? UP : DOWN;
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.setPathPattern(pathPattern));
        response.setStatus(live ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        for (String[] header : SECURITY_CHAIN_HEADERS) {
            response.setHeader(header[0], header[1]);
        }
        response.setContentType(mediaType);
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }

    private boolean isProbe(HttpServletRequest request) {
        String method = request.getMethod();
        return (method.equals("GET") || method.equals("HEAD"))
                && request.getRequestURI().equals(request.getContextPath() + path)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    /**
     * The actuator's choice for the Accept headers probes send (none, any, JSON, its own type); null
     * for anything else, which the actuator then negotiates itself.
     */
    private static String mediaTypeFor(String accept) {
        if (accept == null || accept.equals("*/*") || accept.equals(V3_JSON)) {
            return V3_JSON;
        }
        if (accept.equals(MediaType.APPLICATION_JSON_VALUE)) {
            return MediaType.APPLICATION_JSON_VALUE;
        }
        return null;
    }
}
