package io.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.ServerTest;
import io.dateline.TestSecurity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A seeded campaign of malformed and hostile requests against every mapped endpoint, on a real port
 * so that Tomcat's own error paths answer too. Whatever arrives: never a 5xx, never a stack trace,
 * class name or SQL text in an answer, errors as problem+json, and a refused request changes nothing
 * that is stored. The seed is printed with every failure; {@code -Ddateline.hostile.seed=...}
 * replays a run and {@code -Ddateline.hostile.requests=...} changes its length.
 *
 * <p>The build runs one fixed seed, so that a red build is always the code's doing and replays as
 * it failed; {@code -Ddateline.hostile.seed=random} explores a new campaign. Each defect a campaign
 * found has a focused regression test of its own (ProblemAndOperationsTests, ServerRejectionTests).
 */
@ServerTest
class HostileInputCampaignTests {

    private static final long SEED = seed(System.getProperty("dateline.hostile.seed", "20261201"));

    private static long seed(String value) {
        return value.equals("random") ? System.nanoTime() : Long.parseLong(value);
    }

    private static final int REQUESTS = Integer.getInteger("dateline.hostile.requests", 10_000);

    private static final int TIMEOUT_MILLIS = 15_000;

    /** What an error must never contain: Java and framework class names, SQL and its errors. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat (io|java|jdk|org|com|jakarta|tools|sun)\\.|org\\.springframework|org\\.apache|org\\.hibernate"
                    + "|org\\.postgresql|java\\.lang|jakarta\\.|tools\\.jackson|SELECT |INSERT |UPDATE |DELETE FROM|ERROR:"
                    + "|syntax error at|Caused by");

    /**
     * What no answer may contain, error or not: a stack frame. Successful answers carry stored text
     * (articles that other tests wrote, the OpenAPI description) that may well name an exception.
     */
    private static final Pattern STACK_FRAME =
            Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([\\w$]*(\\.java:\\d+)?\\)|Caused by: ");

    /** A stored-state fingerprint: row counts, latest changes and versions of every table an API call may write. */
    private static final String STATE = """
            select concat_ws(' | ',
              (select count(*) || ' articles, max ' || coalesce(max(updated_at)::text, '-') || ', versions ' || coalesce(sum(version), 0) from article),
              (select count(*) || ' pages' from article_page),
              (select count(*) || ' article topics' from article_topic),
              (select count(*) || ' links' from article_external_link),
              (select count(*) || ' related' from article_related),
              (select count(*) || ' revisions' from article_revision),
              (select count(*) || ' idempotency keys' from idempotency_key),
              (select count(*) || ' topics, max ' || coalesce(max(updated_at)::text, '-') || ', positions ' || coalesce(sum(position), 0) from topic),
              (select count(*) || ' partners, max ' || coalesce(max(updated_at)::text, '-') || ', versions ' || coalesce(sum(version), 0) from partner),
              (select count(*) || ' partner news' from partner_news),
              (select count(*) || ' readers' from reader),
              (select count(*) || ' preferences, max ' || coalesce(max(updated_at)::text, '-') from reader_preferences),
              (select count(*) || ' followed' from reader_followed_topic),
              (select count(*) || ' muted' from reader_muted_topic),
              (select count(*) || ' tokens, ' || count(revoked_at) || ' revoked' from api_token),
              (select count(*) || ' rates' from exchange_rate))
            """;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
            .build();

    @Test
    void noHostileRequestGetsA5xxALeakOrAStateChange() throws Exception {
        HostileRequests.Callers callers = new HostileRequests.Callers(tokens.reader(), tokens.editor(), tokens.admin());
        // the OpenAPI description is built on first use, which takes seconds: not while the clock runs
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HostileRequests requests = new HostileRequests(SEED, Endpoints.of(context), targets(callers.editor()), callers);
        List<String> failures = new ArrayList<>();
        Map<String, int[]> statuses = new TreeMap<>();
        String state = state();
        long started = System.nanoTime();

        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            HostileRequests.Probe probe = requests.next();
            RawHttp.Answer answer = send(probe);
            statuses.computeIfAbsent(String.valueOf(answer.status()), key -> new int[1])[0]++;
            String problem = judge(probe, answer);
            if (probe.unsafe()) {
                String after = state();
                boolean accepted = answer.status() >= 200 && answer.status() < 400;
                if (!accepted && !after.equals(state)) {
                    problem = (problem == null ? "" : problem + "; ") + "refused but changed stored state:\n  before "
                            + state + "\n  after  " + after;
                }
                state = after;
            }
            if (problem != null) {
                failures.add("#%d %s\n  -> %d %s %s\n  %s"
                        .formatted(
                                i,
                                probe.describe(),
                                answer.status(),
                                answer.contentType(),
                                HostileRequests.escape(answer.body(), 400),
                                problem));
            }
        }

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf(
                "Hostile campaign: %d requests in %d s, seed %d, statuses %s%n",
                REQUESTS, seconds, SEED, summary(statuses));
        assertThat(failures)
                .as("Hostile requests answered wrongly (seed %d; replay with -Ddateline.hostile.seed=%d)", SEED, SEED)
                .isEmpty();
        assertThat(state())
                .as("stored state after the last request (seed %d)", SEED)
                .isEqualTo(state);
    }

    private String judge(HostileRequests.Probe probe, RawHttp.Answer answer) {
        if (answer.status() >= 500 && !(answer.status() == 501 && notImplementedByHttp(probe))) {
            return "a 5xx";
        }
        if (answer.status() < 0 && !probe.raw()) {
            return "no answer to a well-formed request";
        }
        if (STACK_FRAME.matcher(answer.body()).find()) {
            return "a stack trace in the answer";
        }
        if ((answer.status() >= 400 || answer.status() < 0)
                && LEAK.matcher(answer.body()).find()) {
            return "internals in the answer: "
                    + LEAK.matcher(answer.body())
                            .results()
                            .map(m -> m.group())
                            .distinct()
                            .toList();
        }
        if (answer.status() >= 400
                && !answer.body().isBlank()
                && (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json"))) {
            return "an error that is not application/problem+json";
        }
        return null;
    }

    /**
     * Tomcat answers CONNECT and a transfer coding it does not implement with 501 (as RFC 9110, 9.1,
     * and RFC 9112, 6.1, ask of a server), in its protocol layer before any of our code runs: the only
     * 5xx the campaign accepts, and only for those requests.
     */
    private static boolean notImplementedByHttp(HostileRequests.Probe probe) {
        return probe.method().equals("CONNECT")
                || probe.headers().stream()
                        .anyMatch(header -> header.getKey().equalsIgnoreCase("Transfer-Encoding")
                                && !header.getValue().equalsIgnoreCase("chunked"));
    }

    private RawHttp.Answer send(HostileRequests.Probe probe) throws IOException, InterruptedException {
        if (!probe.raw()) {
            try {
                return sendWithClient(probe);
            } catch (IllegalArgumentException refusedByTheClient) {
                // HttpClient validates names, values and URIs: such probes go over a raw socket instead
            }
        }
        try {
            return RawHttp.send(port, probe, TIMEOUT_MILLIS);
        } catch (IOException noAnswer) {
            return new RawHttp.Answer(-1, null, String.valueOf(noAnswer));
        }
    }

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private RawHttp.Answer sendWithClient(HostileRequests.Probe probe) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.target()))
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .method(
                        probe.method(),
                        probe.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        for (Map.Entry<String, String> header : probe.headers()) {
            if (RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("restricted header");
            }
            request.header(header.getKey(), header.getValue());
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new RawHttp.Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException closed) {
            // HttpClient gives up on some answers (a 413 that closes while the body is still sent): ask again raw
            try {
                return RawHttp.send(port, probe, TIMEOUT_MILLIS);
            } catch (IOException noAnswer) {
                return new RawHttp.Answer(-1, null, "client: " + closed + "; raw: " + noAnswer);
            }
        }
    }

    private String state() {
        return jdbc.sql(STATE).query(String.class).single();
    }

    /** Real resources for the generated paths, created as an editor would. */
    private HostileRequests.Targets targets(String editor) throws Exception {
        String topic = post(editor, "/api/v1/newsroom/topics", Map.of("name", "Campaign " + SEED))
                .get("slug")
                .asString();
        JsonNode published = post(editor, "/api/v1/newsroom/articles", article(topic, "published"));
        post(editor, "/api/v1/newsroom/articles/" + published.get("id").asLong() + "/publish", null);
        JsonNode draft = post(editor, "/api/v1/newsroom/articles", article(topic, "draft"));
        long partner = post(
                        editor,
                        "/api/v1/newsroom/partners",
                        Map.of("name", "Campaign partner " + SEED, "homepage", "https://news.example.org"))
                .get("id")
                .asLong();
        long headline = post(
                        editor,
                        "/api/v1/partner-news",
                        Map.of(
                                "partnerId",
                                partner,
                                "title",
                                "Campaign headline",
                                "url",
                                "https://news.example.org/campaign/" + SEED))
                .get("id")
                .asLong();
        return new HostileRequests.Targets(
                topic,
                published.get("id").asLong(),
                published.get("slug").asString(),
                draft.get("id").asLong(),
                partner,
                headline);
    }

    private static Map<String, Object> article(String topic, String kind) {
        return Map.of(
                "headline",
                "Campaign " + kind + " " + SEED,
                "body",
                "<p>Hostile input campaign</p>",
                "language",
                "en",
                "topics",
                List.of(topic));
    }

    private JsonNode post(String token, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s", path, response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    private static String summary(Map<String, int[]> statuses) {
        StringBuilder text = new StringBuilder();
        statuses.forEach((status, count) ->
                text.append(status).append('=').append(count[0]).append(' '));
        return text.toString().strip();
    }
}
