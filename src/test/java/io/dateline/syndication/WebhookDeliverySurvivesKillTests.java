package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.platform.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event whose process dies between the commit and the delivery is delivered after the restart:
 * the application runs in a child JVM with delivery switched off, commits a publish, is killed with
 * SIGKILL, and starts again on the same data with delivery on; the receiver gets the signed event.
 */
class WebhookDeliverySurvivesKillTests {

    private static final Duration CHILD_START = Duration.ofSeconds(120);

    private static final String ADMIN_TOKEN = "hook-admin-" + UUID.randomUUID();

    private static final String SECRET = "whsec_" + UUID.randomUUID().toString().replace("-", "");

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Process> children = new ArrayList<>();

    @TempDir
    Path dir;

    private String base;

    @AfterEach
    void killChildren() {
        children.forEach(ChildJvm::killWithDescendants);
    }

    @Test
    void aCommittedEventIsDeliveredAfterAKill() throws Exception {
        Path data = dir.resolve("pgdata");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 0)) {
            Process first = startApplication(data, "first", false);
            send("POST", "/api/v1/admin/webhooks", ADMIN_TOKEN, """
                    {"url":"%s","eventTypes":["article.published"],"secret":"%s"}""".formatted(receiver.url(), SECRET), 201);
            String topic = send("POST", "/api/v1/newsroom/topics", ADMIN_TOKEN, """
                            {"name":"Killed %s"}""".formatted(UUID.randomUUID()), 201)
                    .get("slug")
                    .asString();
            long id = send("POST", "/api/v1/newsroom/articles", ADMIN_TOKEN, """
                            {"headline":"Published before the kill","lead":"Lead","body":"<p>Body</p>",
                             "language":"en","topics":["%s"]}""".formatted(topic), 201)
                    .get("id")
                    .asLong();
            send("POST", "/api/v1/newsroom/articles/" + id + "/publish", ADMIN_TOKEN, null, 200);
            Predicate<WebhookReceiver.Received> aboutIt = received ->
                    json.readTree(received.body()).get("article").get("id").asLong() == id;

            ChildJvm.killWithDescendants(first);
            first.waitFor();
            assertThat(receiver.received(aboutIt))
                    .as("nothing delivered before the kill")
                    .isEmpty();

            startApplication(data, "second", true);
            List<WebhookReceiver.Received> got = receiver.await(aboutIt, 1, Duration.ofSeconds(60));

            assertThat(got).as("delivered after the restart, see %s", dir).hasSize(1);
            assertThat(got.get(0).signatureValid()).isTrue();
            assertThat(json.readTree(got.get(0).body()).get("type").asString()).isEqualTo("article.published");
        }
    }

    private JsonNode send(String method, String path, String token, String body, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = http.send(request.build(), BodyHandlers.ofString());
        assertThat(answer.statusCode())
                .as(method + " " + path + ": " + answer.body())
                .isEqualTo(status);
        return json.readTree(answer.body());
    }

    private Process startApplication(Path data, String name, boolean deliver) throws Exception {
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        Path log = dir.resolve(name + ".log");
        Process child = ChildJvm.start(
                log,
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                "io.dateline.DatelineApplication",
                "--server.port=" + port,
                "--dateline.embedded-db.data-dir=" + data,
                "--dateline.embedded-db.port=0",
                "--dateline.demo-data.enabled=false",
                "--dateline.security.bootstrap-admin-token=" + ADMIN_TOKEN,
                "--dateline.outbound.allowed-hosts=127.0.0.0/8",
                "--dateline.webhooks.poll-interval=200ms",
                "--dateline.webhooks.delivery-enabled=" + deliver);
        children.add(child);
        long deadline = System.nanoTime() + CHILD_START.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("application alive, see %s", log).isTrue();
            try {
                HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                        .build();
                if (http.send(ready, BodyHandlers.discarding()).statusCode() == 200) {
                    return child;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("application did not start within " + CHILD_START + ", see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
