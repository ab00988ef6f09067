package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** The guarded client against a real local server: allow-list, redirects re-checked hop by hop. */
class OutboundHttpTests {

    static HttpServer server;

    static final AtomicInteger internalHits = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed", exchange -> {
            byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext(
                "/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/to-other-loopback", exchange -> {
            int port = server.getAddress().getPort();
            redirect(exchange, "http://127.0.0.2:" + port + "/internal");
        });
        server.createContext("/internal", exchange -> {
            internalHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/hop", exchange -> {
            int left = Integer.parseInt(exchange.getRequestURI().getQuery());
            redirect(exchange, left == 0 ? "/feed" : "/hop?" + (left - 1));
        });
        server.start();
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location)
            throws java.io.IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static RestClient client(List<String> allowedHosts) {
        return new OutboundHttp(new OutboundProperties(allowedHosts, List.of(), 3))
                .client(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .build();
    }

    static String get(RestClient client, String url) {
        return client.get().uri(URI.create(url)).retrieve().body(String.class);
    }

    @Test
    void loopbackIsRefusedByDefault() {
        assertThatThrownBy(() -> get(client(List.of()), url("/feed")))
                .isInstanceOf(ResourceAccessException.class)
                .hasRootCauseInstanceOf(BlockedDestinationException.class);
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedWhereTheConnectionIsMade() {
        int port = server.getAddress().getPort();
        // the port is allowed, so the URL passes; the address "localhost" resolves to does not
        RestClient portAllowed = new OutboundHttp(new OutboundProperties(List.of(), List.of(port), 3))
                .client(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .build();

        assertThatThrownBy(() -> get(portAllowed, "http://localhost:" + port + "/feed"))
                .isInstanceOf(ResourceAccessException.class)
                .hasRootCauseInstanceOf(BlockedDestinationException.class)
                .rootCause()
                .hasMessageContaining("internal address");
    }

    @Test
    void theAllowListLetsTestsReachTheirStub() {
        assertThat(get(client(List.of("127.0.0.1/32")), url("/feed"))).isEqualTo("<rss/>");
    }

    @Test
    void aRedirectToTheMetadataServiceIsRefused() {
        assertThatThrownBy(() -> get(client(List.of("127.0.0.1/32")), url("/to-metadata")))
                .isInstanceOf(ResourceAccessException.class)
                .hasRootCauseInstanceOf(BlockedDestinationException.class);
    }

    @Test
    void eachHopIsCheckedAgainstTheAllowList() {
        assertThatThrownBy(() -> get(client(List.of("127.0.0.1/32")), url("/to-other-loopback")))
                .hasRootCauseInstanceOf(BlockedDestinationException.class);
        assertThat(internalHits).hasValue(0);
    }

    @Test
    void atMostThreeRedirectsAreFollowed() {
        RestClient client = client(List.of("127.0.0.1/32"));

        assertThat(get(client, url("/hop?2"))).isEqualTo("<rss/>");
        assertThatThrownBy(() -> get(client, url("/hop?3")))
                .hasRootCauseInstanceOf(BlockedDestinationException.class)
                .rootCause()
                .hasMessageContaining("more than 3 redirects");
    }
}
