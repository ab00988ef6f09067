package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The liveness fast path answers as the actuator would, from the same state, and leaves alone every
 * request the actuator might answer differently. The actuator's own answer is reached with an
 * Accept header the fast path does not take, so the two are compared in the same application.
 */
@IntegrationTest
class LivenessProbeFilterTests {

    private static final String LIVENESS = "/actuator/health/liveness";

    /** Negotiated by the actuator itself to its v3 type, as a plain probe's request is. */
    private static final String ACTUATOR_ONLY_ACCEPT = "application/vnd.spring-boot.actuator.v3+json;q=0.9";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    LivenessProbeFilter filter;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestSecurity.Tokens tokens;

    @AfterEach
    void live() {
        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
    }

    @Test
    void answersUpWithTheActuatorsStatusBodyAndHeaders() throws Exception {
        MvcResult fast = mvc.perform(get(LIVENESS)).andReturn();
        MvcResult actuator = mvc.perform(get(LIVENESS).header("Accept", ACTUATOR_ONLY_ACCEPT))
                .andReturn();

        assertThat(fast.getResponse().getStatus()).isEqualTo(200);
        assertThat(fast.getResponse().getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
        assertSameAnswer(fast, actuator);
    }

    @Test
    void answersDownWith503OnceTheApplicationIsBroken() throws Exception {
        AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);

        MvcResult fast = mvc.perform(get(LIVENESS)).andReturn();
        MvcResult actuator = mvc.perform(get(LIVENESS).header("Accept", ACTUATOR_ONLY_ACCEPT))
                .andReturn();

        assertThat(fast.getResponse().getStatus()).isEqualTo(503);
        assertThat(fast.getResponse().getContentAsString()).isEqualTo("{\"status\":\"DOWN\"}");
        assertSameAnswer(fast, actuator);

        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        assertThat(mvc.perform(get(LIVENESS)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void answersJsonToAJsonAcceptAndNoBodyToHead() throws Exception {
        assertSameAnswer(
                mvc.perform(get(LIVENESS).header("Accept", "application/json")).andReturn(),
                mvc.perform(get(LIVENESS).header("Accept", "application/json;q=0.9"))
                        .andReturn());
        MockHttpServletResponse head = mvc.perform(head(LIVENESS)).andReturn().getResponse();
        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(head.getContentAsByteArray()).isEmpty();
    }

    @Test
    void isTimedByTheHttpServerMetricsUnderTheActuatorsPattern() throws Exception {
        Timer before = meters.find("http.server.requests")
                .tags("uri", "/actuator/health/**", "status", "200", "method", "GET")
                .timer();
        long counted = before == null ? 0 : before.count();

        mvc.perform(get(LIVENESS));

        Timer after = meters.get("http.server.requests")
                .tags("uri", "/actuator/health/**", "status", "200", "method", "GET")
                .timer();
        assertThat(after.count()).isEqualTo(counted + 1);
    }

    @Test
    void leavesCredentialsOtherMediaTypesAndOtherMethodsToTheActuator() throws Exception {
        assertPassesThrough(get(LIVENESS).header("Authorization", "Bearer " + tokens.admin()));
        assertPassesThrough(get(LIVENESS).header("Accept", "text/html"));
        assertPassesThrough(get(LIVENESS).header("Accept", ACTUATOR_ONLY_ACCEPT));
        assertPassesThrough(post(LIVENESS));
        assertPassesThrough(get("/actuator/health/readiness"));
        assertPassesThrough(get(LIVENESS + "/x"));
        // an administrator still sees the group's components, which only the actuator renders
        mvc.perform(get(LIVENESS).header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).contains("livenessState"));
    }

    private void assertPassesThrough(MockHttpServletRequestBuilder builder) throws Exception {
        MockHttpServletRequest request = builder.buildRequest(context.getBean(ServletContext.class));
        AtomicInteger passed = new AtomicInteger();
        FilterChain chain = (req, res) -> passed.incrementAndGet();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(passed)
                .as(request.getMethod() + " " + request.getRequestURI())
                .hasValue(1);
    }

    private static void assertSameAnswer(MvcResult fast, MvcResult actuator) throws Exception {
        assertThat(fast.getResponse().getStatus())
                .isEqualTo(actuator.getResponse().getStatus());
        assertThat(fast.getResponse().getContentType())
                .isEqualTo(actuator.getResponse().getContentType());
        assertThat(fast.getResponse().getContentAsString())
                .isEqualTo(actuator.getResponse().getContentAsString());
        assertThat(headers(fast.getResponse())).isEqualTo(headers(actuator.getResponse()));
    }

    /**
     * Every header but the per-request id and Content-Length, by lower-case name: framing is no part
     * of the endpoint's answer (the actuator's body goes out chunked, the precomputed one with its
     * length).
     */
    private static Map<String, String> headers(MockHttpServletResponse response) {
        Map<String, String> headers = new TreeMap<>();
        for (String name : response.getHeaderNames()) {
            if (!name.equalsIgnoreCase("X-Request-Id") && !name.equalsIgnoreCase("Content-Length")) {
                headers.put(
                        name.toLowerCase(Locale.ROOT),
                        response.getHeaderValues(name).toString());
            }
        }
        return headers;
    }
}
