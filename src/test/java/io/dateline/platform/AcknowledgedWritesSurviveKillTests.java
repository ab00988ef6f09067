package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Concurrent writers against the real application in a child JVM, which is killed with SIGKILL
 * in the middle of their work and started again on the same data: every write that was answered
 * with a 2xx must be there, whole, and no request may ever have been answered with a 5xx.
 */
class AcknowledgedWritesSurviveKillTests {

    private static final int WRITERS = 6;

    /** The kill comes at this many acknowledged writes, or after {@link #RUN}, whichever is first. */
    private static final int KILL_AT = 400;

    private static final Duration RUN = Duration.ofSeconds(10);

    private static final Duration CHILD_START = Duration.ofSeconds(120);

    private static final String ADMIN_TOKEN = "stress-admin-" + UUID.randomUUID();

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Process> children = new ArrayList<>();

    /** Every write answered with a 2xx, in the order the answers came. */
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();

    /** Every answer the run must never see: a 5xx, or any answer other than the expected one. */
    private final Queue<String> surprises = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean killed = new AtomicBoolean();

    private final AtomicInteger retries = new AtomicInteger();

    @TempDir
    Path dir;

    private String base;

    private String editor;

    @AfterEach
    void killChildren() {
        children.forEach(ChildJvm::killWithDescendants);
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKilledJvm() throws Exception {
        Path data = dir.resolve("pgdata");
        long started = System.nanoTime();
        Process first = startApplication(data, "first");
        long firstUp = System.nanoTime();
        editor = json.readTree(send(
                                post("/api/v1/admin/tokens", ADMIN_TOKEN, "{\"name\":\"stress\",\"role\":\"EDITOR\"}"),
                                201)
                        .body())
                .get("token")
                .asString();
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            topics.add(json.readTree(send(
                                    post(
                                            "/api/v1/newsroom/topics",
                                            editor,
                                            "{\"name\":\"Stress " + i + " " + UUID.randomUUID() + "\"}"),
                                    201)
                            .body())
                    .get("slug")
                    .asString());
        }

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Writer>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Writer writer = new Writer(i, topics);
            writers.add(pool.submit(() -> {
                writer.run();
                return writer;
            }));
        }
        long deadline = System.nanoTime() + RUN.toNanos();
        while (acknowledged.size() < KILL_AT && System.nanoTime() < deadline && surprises.isEmpty()) {
            Thread.sleep(20);
        }
        killed.set(true);
        first.destroyForcibly().waitFor();
        List<Writer> finished = new ArrayList<>();
        for (Future<Writer> writer : writers) {
            finished.add(writer.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(surprises).as("answers during the run").isEmpty();
        assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThan(50);

        long killedAt = System.nanoTime();
        startApplication(data, "second");
        long secondUp = System.nanoTime();
        int checked = verifyArticles();
        verifyPreferences(finished);
        verifyInDatabase(data);
        Map<String, Long> kinds = new TreeMap<>();
        acknowledged.forEach(write -> kinds.merge(write.kind, 1L, Long::sum));
        System.out.printf(
                "acknowledged writes: %d %s (%d articles, %d idempotent retries), checked after the restart: %d;"
                        + " first start %d ms, writes %d ms, restart %d ms, checks %d ms%n",
                acknowledged.size(),
                kinds,
                latestPerArticle().size(),
                retries.get(),
                checked,
                millis(started, firstUp),
                millis(firstUp, killedAt),
                millis(killedAt, secondUp),
                millis(secondUp, System.nanoTime()));
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    /** Every acknowledged version is in the revisions as acknowledged; the article is at least at it. */
    private int verifyArticles() throws Exception {
        int checked = 0;
        for (Acknowledged write : acknowledged) {
            if (write.articleId == 0) {
                continue;
            }
            JsonNode revision = json.readTree(send(
                                    get(
                                            "/api/v1/newsroom/articles/" + write.articleId + "/revisions/"
                                                    + write.version,
                                            editor),
                                    200)
                            .body())
                    .get("snapshot");
            assertThat(revision.get("headline").asString()).isEqualTo(write.headline);
            assertThat(revision.get("lead").asString()).isEqualTo(write.lead);
            assertThat(revision.get("status").asString()).isEqualTo(write.status);
            assertThat(slugs(revision.get("topics"))).isEqualTo(write.topics);
            checked++;
        }
        for (Acknowledged latest : latestPerArticle().values()) {
            JsonNode current = json.readTree(send(get("/api/v1/newsroom/articles/" + latest.articleId, editor), 200)
                    .body());
            assertThat(current.get("version").asLong()).isGreaterThanOrEqualTo(latest.version);
            if (latest.status.equals("PUBLISHED")) {
                send(get("/api/v1/articles/" + latest.articleId, null), 200);
                checked++;
            }
            checked++;
        }
        return checked;
    }

    /** A reader's preferences are the last acknowledged ones, or the save in flight at the kill. */
    private void verifyPreferences(List<Writer> writers) throws Exception {
        for (Writer writer : writers) {
            if (writer.readerToken == null || writer.savedPreferences == null) {
                continue;
            }
            JsonNode stored = json.readTree(
                    send(get("/api/v1/me/preferences", writer.readerToken), 200).body());
            Set<String> followed = slugs(stored.get("followedTopics"));
            Set<Set<String>> acceptable = new HashSet<>();
            acceptable.add(writer.savedPreferences);
            if (writer.pendingPreferences != null) {
                acceptable.add(writer.pendingPreferences);
            }
            assertThat(followed).as("preferences of writer %d", writer.number).isIn(acceptable);
            assertThat(stored.get("filterEnabled").asBoolean()).isTrue();
        }
    }

    /** What the API does not show: one row per idempotent create, the topic rows and their visibility copy. */
    private void verifyInDatabase(Path data) throws Exception {
        String password = Files.readString(data.resolveSibling(data.getFileName() + ".password"))
                .trim();
        int port = Integer.parseInt(
                Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim());
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedPostgresServer.DATABASE,
                EmbeddedPostgresServer.USER,
                password)) {
            try (ResultSet drift = connection.createStatement().executeQuery("""
                            select count(*) from article_topic t join article a on a.id = t.article_id
                             where t.published_at is distinct from
                                   case when a.status = 'PUBLISHED' then a.published_at end""")) {
                drift.next();
                assertThat(drift.getLong(1))
                        .as("article_topic rows whose visibility copy drifted")
                        .isZero();
            }
            try (PreparedStatement copies =
                            connection.prepareStatement("select count(*) from article where headline = ?");
                    PreparedStatement links = connection.prepareStatement("""
                            select t.slug from article_topic l join topic t on t.id = l.topic_id
                             where l.article_id = ?""")) {
                for (Acknowledged created : acknowledged) {
                    if (created.kind.equals("create")) {
                        copies.setString(1, created.headline);
                        assertThat(count(copies))
                                .as("rows of %s", created.headline)
                                .isEqualTo(1);
                        links.setLong(1, created.articleId);
                        assertThat(strings(links)).isEqualTo(created.topics);
                    }
                }
            }
        }
    }

    private Map<Long, Acknowledged> latestPerArticle() {
        Map<Long, Acknowledged> latest = new LinkedHashMap<>();
        for (Acknowledged write : acknowledged) {
            if (write.articleId != 0) {
                latest.merge(write.articleId, write, (a, b) -> a.version >= b.version ? a : b);
            }
        }
        return latest;
    }

    /** One writer: its own articles and its own reader, so that every expected state is known. */
    private final class Writer {

        final int number;

        final List<String> topics;

        final Random random;

        final List<Acknowledged> articles = new ArrayList<>();

        String readerToken;

        volatile Set<String> savedPreferences;

        volatile Set<String> pendingPreferences;

        Writer(int number, List<String> topics) {
            this.number = number;
            this.topics = topics;
            this.random = new Random(number);
        }

        void run() {
            try {
                readerToken = json.readTree(
                                send(post("/api/v1/readers", null, ""), 201).body())
                        .get("token")
                        .asString();
                for (int step = 0; !killed.get() && surprises.isEmpty(); step++) {
                    int dice = random.nextInt(10);
                    if (articles.isEmpty() || dice < 3) {
                        create(step);
                    } else if (dice < 6) {
                        edit(step);
                    } else if (dice < 8) {
                        publish();
                    } else {
                        savePreferences();
                    }
                }
            } catch (IOException | InterruptedException ex) {
                if (!killed.get()) {
                    surprises.add("writer " + number + ": " + ex);
                }
            } catch (RuntimeException | AssertionError ex) {
                surprises.add("writer " + number + ": " + ex);
            }
        }

        void create(int step) throws IOException, InterruptedException {
            String headline = "Stress " + number + "-" + step + " " + UUID.randomUUID();
            Set<String> filed = new TreeSet<>(topics.subList(0, 1 + random.nextInt(topics.size())));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("headline", headline);
            body.put("lead", "lead 1");
            body.put("body", "<p>" + headline + "</p>");
            body.put("dateline", "MOSCOW");
            body.put("source", "Dateline");
            body.put("language", "en");
            body.put("topics", List.copyOf(filed));
            String key = UUID.randomUUID().toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/newsroom/articles"))
                    .header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> answer = send(request, 201);
            JsonNode article = json.readTree(answer.body());
            Acknowledged created = new Acknowledged(
                    "create",
                    article.get("id").asLong(),
                    article.get("version").asLong(),
                    headline,
                    "lead 1",
                    "DRAFT",
                    filed,
                    answer.headers().firstValue("ETag").orElseThrow());
            acknowledged.add(created);
            articles.add(created);
            if (random.nextInt(4) == 0) {
                // a client that lost the answer retries with the same key: the same article, not a second one
                HttpResponse<String> retry = send(request, 201);
                assertThat(json.readTree(retry.body()).get("id").asLong()).isEqualTo(created.articleId);
                retries.incrementAndGet();
            }
        }

        void edit(int step) throws IOException, InterruptedException {
            int index = random.nextInt(articles.size());
            Acknowledged before = articles.get(index);
            String lead = "lead " + step;
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/newsroom/articles/" + before.articleId))
                    .header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "application/merge-patch+json")
                    .header("If-Match", before.etag)
                    .method("PATCH", BodyPublishers.ofString("{\"lead\":\"" + lead + "\"}"))
                    .build();
            acknowledge(index, "edit", send(request, 200));
        }

        void publish() throws IOException, InterruptedException {
            int index = random.nextInt(articles.size());
            Acknowledged before = articles.get(index);
            if (before.status.equals("PUBLISHED")) {
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/newsroom/articles/" + before.articleId + "/publish"))
                    .header("Authorization", "Bearer " + editor)
                    .header("If-Match", before.etag)
                    .POST(BodyPublishers.noBody())
                    .build();
            acknowledge(index, "publish", send(request, 200));
        }

        private void acknowledge(int index, String kind, HttpResponse<String> answer) {
            JsonNode article = json.readTree(answer.body());
            Acknowledged after = new Acknowledged(
                    kind,
                    article.get("id").asLong(),
                    article.get("version").asLong(),
                    article.get("headline").asString(),
                    article.get("lead").asString(),
                    article.get("status").asString(),
                    slugs(article.get("topics")),
                    answer.headers().firstValue("ETag").orElseThrow());
            acknowledged.add(after);
            articles.set(index, after);
        }

        void savePreferences() throws IOException, InterruptedException {
            Set<String> followed = new TreeSet<>();
            for (String topic : topics) {
                if (random.nextBoolean()) {
                    followed.add(topic);
                }
            }
            pendingPreferences = followed;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/me/preferences"))
                    .header("Authorization", "Bearer " + readerToken)
                    .header("Content-Type", "application/json")
                    .PUT(BodyPublishers.ofString(
                            "{\"filterEnabled\":true,\"followedTopics\":" + json.writeValueAsString(followed) + "}"))
                    .build();
            send(request, 200);
            savedPreferences = followed;
            pendingPreferences = null;
            acknowledged.add(new Acknowledged("preferences", 0, 0, null, null, null, followed, null));
        }
    }

    /**
     * Sends and expects {@code status}; any other answer fails the test (a writer records it as a
     * surprise). A connection failure propagates: expected only once the child is killed.
     */
    private HttpResponse<String> send(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request, BodyHandlers.ofString());
        if (answer.statusCode() != status) {
            throw new AssertionError(request.method() + " " + request.uri().getPath() + " answered "
                    + answer.statusCode() + " instead of " + status + ": " + answer.body());
        }
        return answer;
    }

    private HttpRequest post(String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private HttpRequest get(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    /** Starts the application on {@code data} and waits until it is ready. */
    private Process startApplication(Path data, String name) throws Exception {
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
                "--dateline.security.bootstrap-admin-token=" + ADMIN_TOKEN);
        children.add(child);
        long deadline = System.nanoTime() + CHILD_START.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("application alive, see %s", log).isTrue();
            try {
                if (http.send(get("/actuator/health/readiness", null), BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
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

    private static Set<String> slugs(JsonNode array) {
        Set<String> slugs = new TreeSet<>();
        array.forEach(node ->
                slugs.add(node.isString() ? node.asString() : node.get("slug").asString()));
        return slugs;
    }

    private static long count(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<String> strings(PreparedStatement statement) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private record Acknowledged(
            String kind,
            long articleId,
            long version,
            String headline,
            String lead,
            String status,
            Set<String> topics,
            String etag) {}
}
