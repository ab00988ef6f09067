package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.dateline.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * CORS as a browser meets it, on a real server whose reader API admits https://app.example.org and
 * whose newsroom admits https://desk.example.org (see {@link ServerTest}).
 */
@ServerTest
class CrossOriginTests {

    private static final String APP = "https://app.example.org";
    private static final String DESK = "https://desk.example.org";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void preflightOfAnAllowedOriginIsAnsweredBeforeSecurity() throws Exception {
        HttpResponse<String> preflight = preflight("/api/v1/me/preferences", APP, "PUT", "authorization,content-type");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("PUT");
        assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization")
                .contains("content-type");
        assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void anAllowedOriginReadsTheBodyAndTheValidators() throws Exception {
        HttpResponse<String> first = get("/api/v1/topics", APP);
        HttpResponse<String> again = get("/api/v1/topics", APP);

        for (HttpResponse<String> response : List.of(first, again)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(header(response, "Access-Control-Expose-Headers")).contains("ETag");
            assertThat(response.headers().allValues("Vary"))
                    .anySatisfy(vary -> assertThat(vary.toLowerCase()).contains("origin"));
        }
    }

    @Test
    void aCachedPageCarriesTheCorsHeadersOfTheRequestItAnswers() throws Exception {
        get("/api/v1/topics", APP);

        HttpResponse<String> sameOrigin =
                http.send(HttpRequest.newBuilder(uri("/api/v1/topics")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherOrigin = get("/api/v1/topics", "https://elsewhere.example.net");

        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertThat(sameOrigin.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(otherOrigin.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void anOriginNotListedGetsAProblem() throws Exception {
        HttpResponse<String> preflight =
                preflight("/api/v1/articles", "https://elsewhere.example.net", "GET", "authorization");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(header(preflight, "Content-Type")).startsWith("application/problem+json");
        assertThat(preflight.body())
                .contains("/problems/cross-origin-refused")
                .contains("https://elsewhere.example.net");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void theNewsroomAdmitsOnlyItsOwnOrigins() throws Exception {
        HttpResponse<String> fromTheApp = preflight("/api/v1/newsroom/articles", APP, "POST", "authorization");
        HttpResponse<String> fromTheDesk = preflight("/api/v1/newsroom/articles", DESK, "POST", "authorization");
        HttpResponse<String> adminFromTheApp = preflight("/api/v1/admin/tokens", APP, "GET", "authorization");

        assertThat(fromTheApp.statusCode()).isEqualTo(403);
        assertThat(adminFromTheApp.statusCode()).isEqualTo(403);
        assertThat(fromTheDesk.statusCode()).isEqualTo(200);
        assertThat(header(fromTheDesk, "Access-Control-Allow-Origin")).isEqualTo(DESK);
        assertThat(fromTheDesk.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void everyOriginMeansAnonymousReadsOnly() throws Exception {
        CrossOriginFilter filter = new CrossOriginFilter(
                new CorsProperties(List.of("*"), List.of(), Duration.ofHours(1)),
                new ProblemResponseWriter(JsonMapper.builder().build()));

        MockHttpServletResponse anonymousRead = run(filter, "GET", null);
        MockHttpServletResponse withToken = run(filter, "GET", "authorization");
        MockHttpServletResponse write = run(filter, "POST", "content-type");

        assertThat(anonymousRead.getStatus()).isEqualTo(200);
        assertThat(anonymousRead.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(withToken.getStatus()).isEqualTo(403);
        assertThat(write.getStatus()).isEqualTo(403);
        assertThat(write.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesWildcardsWhereTheyWouldOpenTooMuch() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CorsProperties(List.of("*", APP), List.of(), Duration.ofHours(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CorsProperties(List.of(), List.of("https://*.example.org"), Duration.ofHours(1)));
        assertThat(new CrossOriginFilter(new CorsProperties(List.of(), List.of(), Duration.ofHours(1)), null).enabled())
                .as("no origin listed: no filter at all")
                .isFalse();
    }

    private static MockHttpServletResponse run(CrossOriginFilter filter, String method, String headers)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/v1/articles");
        request.addHeader("Origin", APP);
        request.addHeader("Access-Control-Request-Method", method);
        if (headers != null) {
            request.addHeader("Access-Control-Request-Headers", headers);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private HttpResponse<String> preflight(String path, String origin, String method, String headers) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", method)
                        .header("Access-Control-Request-Headers", headers)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String origin) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path)).header("Origin", origin).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
