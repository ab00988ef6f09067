package io.dateline.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for browser apps on other origins, decided by Spring's {@link DefaultCorsProcessor} from
 * {@link CorsProperties}. It runs before the anonymous page cache, so a cached page gets the CORS
 * headers of the request it answers, never those of the request that rendered it; a preflight is
 * answered here and reaches neither the cache nor the security chain. A refused cross-origin request
 * gets a 403 problem instead of Spring's plain-text one. No credentials mode: the API authenticates
 * with bearer tokens, never cookies, so {@code Access-Control-Allow-Credentials} is never sent.
 */
class CrossOriginFilter extends OncePerRequestFilter {

    /** Request headers an app may send on top of the CORS-safelisted ones. */
    private static final List<String> REQUEST_HEADERS = List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH,
            HttpHeaders.IF_NONE_MATCH,
            HttpHeaders.IF_MODIFIED_SINCE,
            "Idempotency-Key");

    /** Response headers an app may read beyond the safelisted ones (Cache-Control, Content-Type...). */
    private static final List<String> EXPOSED_HEADERS = List.of(
            HttpHeaders.ETAG,
            HttpHeaders.LOCATION,
            HttpHeaders.LINK,
            HttpHeaders.RETRY_AFTER,
            "RateLimit",
            "RateLimit-Policy",
            RequestIdFilter.HEADER);

    private final UrlBasedCorsConfigurationSource configurations = new UrlBasedCorsConfigurationSource();

    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // the problem body is written below, where the request is at hand
        }
    };

    private final ProblemResponseWriter problems;

    CrossOriginFilter(CorsProperties properties, ProblemResponseWriter problems) {
        this.problems = problems;
        if (!properties.newsroomAllowedOrigins().isEmpty()) {
            CorsConfiguration newsroom = configuration(properties.newsroomAllowedOrigins(), properties);
            newsroom.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
            newsroom.setAllowedHeaders(REQUEST_HEADERS);
            configurations.registerCorsConfiguration("/api/v1/newsroom/**", newsroom);
            configurations.registerCorsConfiguration("/api/v1/admin/**", newsroom);
        } else if (!properties.allowedOrigins().isEmpty()) {
            // registered before /api/** below, so that the readers' origins never reach these trees
            configurations.registerCorsConfiguration("/api/v1/newsroom/**", closed());
            configurations.registerCorsConfiguration("/api/v1/admin/**", closed());
        }
        if (!properties.allowedOrigins().isEmpty()) {
            CorsConfiguration readers = configuration(properties.allowedOrigins(), properties);
            if (properties.publicAnyOrigin()) {
                readers.setAllowedMethods(List.of("GET", "HEAD"));
                readers.setAllowedHeaders(List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE));
            } else {
                readers.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
                readers.setAllowedHeaders(REQUEST_HEADERS);
            }
            configurations.registerCorsConfiguration("/api/**", readers);
        }
    }

    private static CorsConfiguration configuration(List<String> origins, CorsProperties properties) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(properties.maxAge());
        return configuration;
    }

    /** A tree no other origin may call: every cross-origin request to it is refused. */
    private static CorsConfiguration closed() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of());
        return configuration;
    }

    boolean enabled() {
        return !configurations.getCorsConfigurations().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!CorsUtils.isCorsRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        CorsConfiguration configuration = configurations.getCorsConfiguration(request);
        if (configuration != null && !processor.processRequest(configuration, request, response)) {
            problems.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "cross-origin-refused",
                    "Cross-origin request refused",
                    refusal(request));
            return;
        }
        if (configuration != null && CorsUtils.isPreFlightRequest(request)) {
            return;
        }
        chain.doFilter(request, response);
    }

    private static String refusal(HttpServletRequest request) {
        String method = CorsUtils.isPreFlightRequest(request)
                ? request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)
                : request.getMethod();
        String headers = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        return "Origin " + request.getHeader(HttpHeaders.ORIGIN) + " may not send " + HttpMethod.valueOf(method)
                + (headers == null ? "" : " with headers " + headers) + " to " + request.getRequestURI()
                + " (dateline.cors.* lists the allowed origins)";
    }
}
