package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that only a real server sees: Tomcat refuses some before any servlet runs, and decodes
 * query strings itself. They must still be answered with problem+json, never HTML or a 500.
 */
@ServerTest
class ServerRejectionTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/articles/%00",
                "/api/v1/articles/a%2Fb",
                "/..;/actuator/env",
                "/api/v1/articles?cursor=%FF%FE",
                "/api/v1/articles?topic=%C0"
            })
    void answersRefusedRequestsAsProblems(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":400").doesNotContain("<html");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /api/v1/readers", "GET /api/v1/feeds/all.rss"})
    void answersAnUnparsableMultipartBodyWith400(String call) throws Exception {
        String[] methodAndPath = call.split(" ");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + methodAndPath[1]))
                        .header("Content-Type", "multipart/form-data")
                        .method(methodAndPath[0], HttpRequest.BodyPublishers.ofString("no boundary was declared"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("/problems/malformed-request");
    }
}
