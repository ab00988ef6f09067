package io.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.platform.ProblemResponseWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** The budgets with small, explicit capacities, through the filters as the security chain runs them. */
class RateLimitsTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final RateLimits limits = limits(List.of());

    RateLimits limits(List<String> trustedProxies) {
        RateLimitProperties.Budget three = new RateLimitProperties.Budget(3, Duration.ofMinutes(1));
        return new RateLimits(
                new RateLimitProperties(true, trustedProxies, 1000, three, three, three, three),
                new ProblemResponseWriter(JsonMapper.builder().build()),
                meters);
    }

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    MockHttpServletResponse send(RateLimits limits, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.afterAuthentication().doFilter(request, response, new MockFilterChain());
        return response;
    }

    static MockHttpServletRequest registration(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/readers");
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void registrationsBeyondTheBudgetGet429WithRetryAfterAndRateLimitFields() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse allowed = send(limits, registration("203.0.113.7"));
            assertThat(allowed.getStatus()).isEqualTo(200);
            assertThat(allowed.getHeader("RateLimit-Policy")).isEqualTo("\"registration\";q=3;w=60");
            assertThat(allowed.getHeader("RateLimit")).startsWith("\"registration\";r=" + (2 - i) + ";t=");
        }

        MockHttpServletResponse refused = send(limits, registration("203.0.113.7"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"type\":\"/problems/rate-limited\"");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.getHeader("RateLimit")).startsWith("\"registration\";r=0;t=");
        assertThat(meters.counter("dateline.rate-limit.requests", "budget", "registration", "outcome", "allowed")
                        .count())
                .isEqualTo(3);
        assertThat(meters.counter("dateline.rate-limit.requests", "budget", "registration", "outcome", "refused")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void eachAddressHasItsOwnBudget() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(limits, registration("203.0.113.8"));
        }

        assertThat(send(limits, registration("203.0.113.8")).getStatus()).isEqualTo(429);
        assertThat(send(limits, registration("203.0.113.9")).getStatus()).isEqualTo(200);
    }

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest spoofed = registration("203.0.113.10");
            spoofed.addHeader("X-Forwarded-For", "198.51.100." + i);
            send(limits, spoofed);
        }
        MockHttpServletRequest spoofed = registration("203.0.113.10");
        spoofed.addHeader("X-Forwarded-For", "198.51.100.99");
        assertThat(send(limits, spoofed).getStatus()).isEqualTo(429);

        RateLimits behindProxy = limits(List.of("10.0.0.0/8"));
        MockHttpServletRequest viaProxy = registration("10.1.1.1");
        viaProxy.addHeader("X-Forwarded-For", "attacker-chosen, 198.51.100.20, 10.2.2.2");
        assertThat(behindProxy.clientAddress(viaProxy)).isEqualTo("198.51.100.20");
    }

    @Test
    void authenticatedCallersAreLimitedPerTokenNotPerAddress() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("editor-1", null, "ROLE_EDITOR"));
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest write = new MockHttpServletRequest("POST", "/api/v1/articles");
            write.setRemoteAddr("203.0.113." + i);
            assertThat(send(limits, write).getStatus()).isEqualTo(200);
        }

        MockHttpServletRequest fourth = new MockHttpServletRequest("POST", "/api/v1/articles");
        fourth.setRemoteAddr("203.0.113.50");
        assertThat(send(limits, fourth).getStatus()).isEqualTo(429);

        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("editor-2", null, "ROLE_EDITOR"));
        assertThat(send(limits, fourth).getStatus()).isEqualTo(200);
    }

    @Test
    void searchAndSuggestionsShareABudgetAndPlainReadsHaveNone() throws Exception {
        for (String path : List.of("/api/v1/search", "/api/v1/search/suggest", "/api/v1/search")) {
            MockHttpServletRequest search = new MockHttpServletRequest("GET", path);
            search.setRemoteAddr("203.0.113.60");
            assertThat(send(limits, search).getStatus()).isEqualTo(200);
        }
        MockHttpServletRequest search = new MockHttpServletRequest("GET", "/api/v1/search/suggest");
        search.setRemoteAddr("203.0.113.60");
        assertThat(send(limits, search).getStatus()).isEqualTo(429);

        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/v1/articles");
            read.setRemoteAddr("203.0.113.60");
            MockHttpServletResponse response = send(limits, read);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("RateLimit")).isNull();
        }
    }

    @Test
    void refusedTokensSpendTheAddressBudgetThenEvenAValidTokenWaits() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest guess = new MockHttpServletRequest("GET", "/api/v1/me/preferences");
            guess.setRemoteAddr("203.0.113.70");
            guess.addHeader("Authorization", "Bearer dl_guess" + i);
            MockHttpServletResponse response = new MockHttpServletResponse();
            limits.beforeAuthentication()
                    .doFilter(guess, response, (req, res) -> ((HttpServletResponse) res).setStatus(401));
            assertThat(response.getStatus()).isEqualTo(401);
        }

        MockHttpServletRequest next = new MockHttpServletRequest("GET", "/api/v1/me/preferences");
        next.setRemoteAddr("203.0.113.70");
        next.addHeader("Authorization", "Bearer dl_valid");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        limits.beforeAuthentication().doFilter(next, response, chain);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(chain.getRequest()).as("authentication never ran").isNull();
        assertThat(response.getHeader("Retry-After")).isNotNull();
        assertThat(response.getContentAsString()).contains("failed-authentication");
    }

    @Test
    void disabledLimitsLetEverythingThrough() throws Exception {
        RateLimitProperties.Budget one = new RateLimitProperties.Budget(1, Duration.ofMinutes(1));
        RateLimits off = new RateLimits(
                new RateLimitProperties(false, List.of(), 1000, one, one, one, one),
                new ProblemResponseWriter(JsonMapper.builder().build()),
                meters);

        for (int i = 0; i < 5; i++) {
            assertThat(send(off, registration("203.0.113.80")).getStatus()).isEqualTo(200);
        }
    }
}
