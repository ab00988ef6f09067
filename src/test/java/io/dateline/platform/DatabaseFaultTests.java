package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.TestDatabase;
import io.dateline.TestSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The service on a real server, whose pool reaches the shared PostgreSQL through a proxy that
 * freezes or cuts the traffic. A request that needs the database answers 503 within 3 s, readiness
 * turns DOWN and answers within 1 s, liveness and the API description stay up, and service
 * resumes on its own when the database is back. One context for every fault, to keep CI short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({DatabaseFaultTests.ThroughProxy.class, TestSecurity.class})
class DatabaseFaultTests {

    private static final Duration FAIL_FAST = Duration.ofSeconds(3);

    private static final Duration PROBE = Duration.ofSeconds(1);

    private static final Duration RECOVERY = Duration.ofSeconds(10);

    static final TcpProxy proxy = startProxy();

    private static TcpProxy startProxy() {
        try {
            return new TcpProxy("127.0.0.1", TestDatabase.sharedEmbeddedServer().port());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ThroughProxy {

        @Bean
        JdbcConnectionDetails connectionThroughProxy() {
            return new EmbeddedPostgresAutoConfiguration.EmbeddedConnectionDetails(
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + EmbeddedPostgresServer.DATABASE,
                    TestDatabase.sharedEmbeddedServer().password());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestSecurity.Tokens tokens;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private String reader;

    @BeforeEach
    void databaseUp() throws Exception {
        proxy.pass();
        awaitRecovery();
        reader = tokens.reader();
        // an anonymous page that the page cache now holds: it must keep answering without the database
        assertThat(get(CACHED_PAGE).statusCode()).isEqualTo(200);
    }

    private static final String CACHED_PAGE = "/api/v1/topics";

    private final AtomicLong reads = new AtomicLong();

    /** A read no cache can have seen: each asks for a window of its own. */
    private String uncachedRead() {
        return "/api/v1/articles?since=" + Instant.parse("2000-01-01T00:00:00Z").plusSeconds(reads.incrementAndGet());
    }

    @AfterEach
    void databaseBack() {
        proxy.pass();
    }

    @Test
    void frozenDatabaseGivesFast503sAndServiceResumesAlone() throws Exception {
        assertThat(get("/api/v1/search?q=warm" + System.nanoTime()).statusCode())
                .isEqualTo(200);
        proxy.pause();

        // at once, on a connection used within the pool's no-validation window: the statement
        // times out, the pool closes the connection, and the transaction's rollback fails on it
        assertDatabaseUnavailable(send(HttpRequest.newBuilder(uri("/api/v1/search?q=frozen" + System.nanoTime()))));
        assertReadinessDown();
        assertDatabaseUnavailable(send(HttpRequest.newBuilder(uri(uncachedRead()))));
        assertDatabaseUnavailable(
                send(HttpRequest.newBuilder(uri("/api/v1/readers")).POST(HttpRequest.BodyPublishers.noBody())));
        assertDatabaseUnavailable(send(
                HttpRequest.newBuilder(uri("/api/v1/me/preferences")).header("Authorization", "Bearer " + reader)));
        assertStillAlive();

        proxy.pass();

        awaitRecovery();
        assertEveryRequestSucceeds();
    }

    @Test
    void lostDatabaseGivesFast503sAndServiceResumesAlone() throws Exception {
        proxy.drop();

        assertReadinessDown();
        assertDatabaseUnavailable(send(HttpRequest.newBuilder(uri(uncachedRead()))));
        assertDatabaseUnavailable(
                send(HttpRequest.newBuilder(uri("/api/v1/readers")).POST(HttpRequest.BodyPublishers.noBody())));
        assertStillAlive();

        proxy.pass();

        awaitRecovery();
        assertEveryRequestSucceeds();
    }

    private void assertReadinessDown() throws Exception {
        Timed readiness = send(HttpRequest.newBuilder(uri("/actuator/health/readiness")));
        assertThat(readiness.response.statusCode()).isEqualTo(503);
        assertThat(readiness.elapsed).isLessThan(PROBE);
    }

    private void assertDatabaseUnavailable(Timed answer) {
        assertThat(answer.response.statusCode()).as(answer.response.body()).isEqualTo(503);
        assertThat(answer.elapsed).isLessThan(FAIL_FAST);
        assertThat(answer.response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.response.body()).contains("\"type\":\"/problems/database-unavailable\"");
        assertThat(answer.response.headers().firstValue("Retry-After")).contains("5");
    }

    private void assertStillAlive() throws Exception {
        Timed liveness = send(HttpRequest.newBuilder(uri("/actuator/health/liveness")));
        assertThat(liveness.response.statusCode()).isEqualTo(200);
        assertThat(liveness.elapsed).isLessThan(PROBE);
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(get(CACHED_PAGE).statusCode()).isEqualTo(200);
    }

    /** Every pooled connection is used again: a dead one left in the pool would fail a request. */
    private void assertEveryRequestSucceeds() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertThat(get("/api/v1/articles?limit=" + (i % 10 + 1)).statusCode())
                    .isEqualTo(200);
            assertThat(get("/api/v1/me/preferences", reader).statusCode()).isEqualTo(200);
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private void awaitRecovery() throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (get("/api/v1/articles?limit=1").statusCode() != 200
                || get("/actuator/health/readiness").statusCode() != 200) {
            assertThat(System.nanoTime()).as("service back within %s", RECOVERY).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> get(String path, String... bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        for (String token : bearer) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request).response;
    }

    private Timed send(HttpRequest.Builder request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private record Timed(HttpResponse<String> response, Duration elapsed) {}
}
