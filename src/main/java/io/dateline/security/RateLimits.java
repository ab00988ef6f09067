package io.dateline.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dateline.platform.ProblemResponseWriter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request budgets of {@link RateLimitProperties}, enforced by two filters inside the security
 * chain (so after the anonymous page cache): one before authentication for refused tokens, one after
 * it for the budgets by path. Over budget, the answer is a 429 problem with Retry-After; every
 * limited response carries the IETF RateLimit and RateLimit-Policy fields
 * (draft-ietf-httpapi-ratelimit-headers).
 */
@Component
class RateLimits {

    enum Kind {
        REGISTRATION("registration"),
        SEARCH("search"),
        WRITES("writes"),
        FAILED_AUTHENTICATION("failed-authentication");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final RateLimitProperties properties;

    private final ProblemResponseWriter problems;

    private final List<IpAddressMatcher> trustedProxies;

    private final Map<Kind, Limit> limits = new EnumMap<>(Kind.class);

    RateLimits(RateLimitProperties properties, ProblemResponseWriter problems, MeterRegistry meters) {
        this.properties = properties;
        this.problems = problems;
        this.trustedProxies =
                properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
        limits.put(Kind.REGISTRATION, new Limit(Kind.REGISTRATION, properties.registration(), meters));
        limits.put(Kind.SEARCH, new Limit(Kind.SEARCH, properties.search(), meters));
        limits.put(Kind.WRITES, new Limit(Kind.WRITES, properties.writes(), meters));
        limits.put(
                Kind.FAILED_AUTHENTICATION,
                new Limit(Kind.FAILED_AUTHENTICATION, properties.failedAuthentication(), meters));
    }

    /** Refuses callers whose address spent its failed-authentication budget; counts refused tokens. */
    OncePerRequestFilter beforeAuthentication() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                boolean presentsToken = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
                if (!properties.enabled() || !presentsToken) {
                    chain.doFilter(request, response);
                    return;
                }
                Limit limit = limits.get(Kind.FAILED_AUTHENTICATION);
                String address = "address:" + clientAddress(request);
                if (!limit.hasBudget(address)) {
                    limit.refuse(request, response, address);
                    return;
                }
                chain.doFilter(request, response);
                if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                    limit.consume(address);
                }
            }
        };
    }

    /** Applies the budget that the request's method and path fall under, if any. */
    OncePerRequestFilter afterAuthentication() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Kind kind = properties.enabled() ? kindOf(request) : null;
                if (kind == null) {
                    chain.doFilter(request, response);
                    return;
                }
                Limit limit = limits.get(kind);
                String caller = caller(request);
                ConsumptionProbe probe = limit.tryConsume(caller);
                limit.describe(response, probe);
                if (!probe.isConsumed()) {
                    limit.refuse(request, response, probe);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    static Kind kindOf(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (method.equals("POST") && path.equals("/api/v1/readers")) {
            return Kind.REGISTRATION;
        }
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (safe && (path.equals("/api/v1/search") || path.startsWith("/api/v1/search/"))) {
            return Kind.SEARCH;
        }
        return safe || method.equals("TRACE") ? null : Kind.WRITES;
    }

    private String caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "token:" + authentication.getName();
        }
        return "address:" + clientAddress(request);
    }

    /**
     * The peer address, or, when the peer is a trusted proxy, the last address in X-Forwarded-For
     * that is not a trusted proxy itself (the one the first trusted proxy saw).
     */
    String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || !isTrustedProxy(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !isTrustedProxy(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrustedProxy(String address) {
        try {
            return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private final class Limit {

        private final Kind kind;

        private final RateLimitProperties.Budget budget;

        private final Cache<String, Bucket> buckets;

        private final Counter allowed;

        private final Counter refused;

        private final String policy;

        Limit(Kind kind, RateLimitProperties.Budget budget, MeterRegistry meters) {
            this.kind = kind;
            this.budget = budget;
            // A bucket idle for a whole period is full again: forgetting it then changes nothing.
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(properties.maxClients())
                    .expireAfterAccess(budget.period())
                    .build();
            this.allowed = Counter.builder("dateline.rate-limit.requests")
                    .description("Requests that a rate-limit budget applied to")
                    .tag("budget", kind.label)
                    .tag("outcome", "allowed")
                    .register(meters);
            this.refused = Counter.builder("dateline.rate-limit.requests")
                    .description("Requests that a rate-limit budget applied to")
                    .tag("budget", kind.label)
                    .tag("outcome", "refused")
                    .register(meters);
            this.policy = "\"" + kind.label + "\";q=" + budget.capacity() + ";w="
                    + budget.period().toSeconds();
        }

        private Bucket bucket(String caller) {
            return buckets.get(
                    caller,
                    key -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(budget.capacity())
                                    .refillGreedy(budget.capacity(), budget.period())
                                    .build())
                            .build());
        }

        ConsumptionProbe tryConsume(String caller) {
            ConsumptionProbe probe = bucket(caller).tryConsumeAndReturnRemaining(1);
            (probe.isConsumed() ? allowed : refused).increment();
            return probe;
        }

        boolean hasBudget(String caller) {
            Bucket bucket = buckets.getIfPresent(caller);
            return bucket == null || bucket.getAvailableTokens() > 0;
        }

        void consume(String caller) {
            bucket(caller).tryConsume(1);
        }

        void describe(HttpServletResponse response, ConsumptionProbe probe) {
            response.setHeader("RateLimit-Policy", policy);
            response.setHeader(
                    "RateLimit",
                    "\"" + kind.label + "\";r=" + probe.getRemainingTokens() + ";t="
                            + seconds(probe.getNanosToWaitForReset()));
        }

        /** Refuses a caller whose budget is spent without taking from it. */
        void refuse(HttpServletRequest request, HttpServletResponse response, String caller) throws IOException {
            refused.increment();
            long wait = seconds(bucket(caller).estimateAbilityToConsume(1).getNanosToWaitForRefill());
            response.setHeader("RateLimit-Policy", policy);
            response.setHeader("RateLimit", "\"" + kind.label + "\";r=0;t=" + wait);
            refuse(request, response, wait);
        }

        void refuse(HttpServletRequest request, HttpServletResponse response, ConsumptionProbe probe)
                throws IOException {
            refuse(request, response, seconds(probe.getNanosToWaitForRefill()));
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfter)
                throws IOException {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited",
                    "Too many requests",
                    "The " + kind.label + " budget of " + budget.capacity() + " requests per "
                            + budget.period().toSeconds() + "s is spent for this caller; retry after "
                            + retryAfter + "s.");
        }
    }

    /** Whole seconds, rounded up and at least 1, as Retry-After and the RateLimit fields want them. */
    static long seconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }
}
