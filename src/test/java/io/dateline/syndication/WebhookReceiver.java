package io.dateline.syndication;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on the loopback interface, as a subscriber would write one: it verifies the
 * Dateline-Signature header (HMAC-SHA256 of "t.body", t within five minutes) and keeps what it
 * received. The first {@code failures} deliveries are answered with a 503, the rest with a 204.
 */
public class WebhookReceiver implements AutoCloseable {

    /** One request as received, with the verdict on its signature. */
    public record Received(Instant at, Map<String, List<String>> headers, String body, boolean signatureValid) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;

    private final String secret;

    private final AtomicInteger failures;

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    public WebhookReceiver(String secret, int failures) {
        this(secret, failures, 0);
    }

    public WebhookReceiver(String secret, int failures, int port) {
        this.secret = secret;
        this.failures = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/hook", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean valid = verify(exchange.getRequestHeaders().getFirst("Dateline-Signature"), body);
                received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body, valid));
                exchange.sendResponseHeaders(this.failures.getAndDecrement() > 0 ? 503 : 204, -1);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What arrived so far that matches, in order of arrival. */
    public List<Received> received(Predicate<Received> filter) {
        return new ArrayList<>(received.stream().filter(filter).toList());
    }

    /** Waits up to {@code timeout} for {@code count} matching requests; returns what arrived. */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> matching = received(filter);
        while (matching.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            matching = received(filter);
        }
        return matching;
    }

    /** The verification a receiver does (README "Webhooks"). */
    private boolean verify(String header, String body) {
        if (header == null) {
            return false;
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                timestamp = part.substring(2);
            } else if (part.startsWith("v1=")) {
                signature = part.substring(3);
            }
        }
        if (timestamp == null || signature == null) {
            return false;
        }
        long t = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, java.util.HexFormat.of().parseHex(signature));
        } catch (Exception ex) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
