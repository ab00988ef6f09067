package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge hook against a local HTTP stub standing in for a CDN's purge API. */
class CdnPurgeTests {

    record Call(String method, String surrogateKey, String authorization, String contentType, String body) {}

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

    private final AtomicInteger status = new AtomicInteger(200);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private HttpServer cdn;

    private CdnPurge purge;

    @BeforeEach
    void startStub() throws IOException {
        cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cdn.createContext("/purge", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Surrogate-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        cdn.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (purge != null) {
            purge.destroy();
        }
        cdn.stop(0);
    }

    private CdnPurge purgeAt(String token) {
        URI url = URI.create("http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge");
        OutboundHttp outbound = new OutboundHttp(new OutboundProperties(List.of("127.0.0.1/32"), List.of(), 3));
        return new CdnPurge(
                new CdnProperties(url, token, Duration.ofSeconds(1), Duration.ofSeconds(2)), outbound, meters);
    }

    private double count(String outcome) {
        return meters.get("dateline.cdn.purges")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @Test
    void postsTheKeysOfAContentChangeWithTheToken() throws Exception {
        purge = purgeAt("s3cret");

        purge.purge(PublicPagesChanged.content());

        Call call = calls.poll(5, TimeUnit.SECONDS);
        assertThat(call).isNotNull();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.surrogateKey()).isEqualTo("articles");
        assertThat(call.authorization()).isEqualTo("Bearer s3cret");
        assertThat(call.contentType()).startsWith("application/json");
        assertThat(call.body()).isEqualTo("{\"tags\":[\"articles\"]}");
        awaitCount("success", 1);
    }

    @Test
    void aCurrencyChangePurgesTheCurrencyKey() throws Exception {
        purge = purgeAt(null);

        purge.purge(PublicPagesChanged.currency());

        Call call = calls.poll(5, TimeUnit.SECONDS);
        assertThat(call.surrogateKey()).isEqualTo("currency");
        assertThat(call.authorization()).isNull();
    }

    @Test
    void aFailedPurgeIsCountedAndNeverThrownToTheWriter() throws Exception {
        status.set(503);
        purge = purgeAt(null);

        purge.purge(PublicPagesChanged.content());

        assertThat(calls.poll(5, TimeUnit.SECONDS)).isNotNull();
        awaitCount("failure", 1);
        assertThat(count("success")).isZero();
    }

    @Test
    void anUnreachableCdnIsCountedAsAFailure() throws Exception {
        purge = purgeAt(null);
        cdn.stop(0);

        purge.purge(PublicPagesChanged.content());

        awaitCount("failure", 1);
    }

    @Test
    void goesThroughTheOutboundChecks() throws Exception {
        // without the operator's allowance a loopback purge URL is refused before any connection
        OutboundHttp strict = new OutboundHttp(new OutboundProperties(List.of(), List.of(), 3));
        URI url = URI.create("http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge");
        purge = new CdnPurge(
                new CdnProperties(url, null, Duration.ofSeconds(1), Duration.ofSeconds(2)), strict, meters);

        purge.purge(PublicPagesChanged.content());

        awaitCount("failure", 1);
        assertThat(calls).isEmpty();
    }

    private void awaitCount(String outcome, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count(outcome) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count(outcome)).isEqualTo(expected);
    }
}
