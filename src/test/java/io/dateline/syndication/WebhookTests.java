package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: an admin subscribes a receiver on 127.0.0.1 (allowed by the tests'
 * outbound allow-list), editors change articles, and the receiver gets signed deliveries; a
 * failing receiver is retried with back-off (tenths of a second in tests), a delivery can be
 * replayed, and bad subscriptions are refused without being stored.
 */
@IntegrationTest
class WebhookTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String ALL = "[\"article.published\",\"article.updated\",\"article.unpublished\","
            + "\"article.archived\",\"article.deleted\"]";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JdbcClient jdbc;

    private final String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "");

    private final List<Long> webhooks = new ArrayList<>();

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    private SyndicationFixtures fixtures;

    private SyndicationFixtures.Topic topic;

    @BeforeEach
    void fixtures() {
        fixtures = new SyndicationFixtures(mvc, json, tokens.editor());
        topic = fixtures.topic("Hooks");
    }

    @AfterEach
    void unsubscribe() throws Exception {
        for (long id : webhooks) {
            mvc.perform(admin(delete("/api/v1/admin/webhooks/{id}", id)));
        }
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aReceiverGetsEverySignedPublicChangeInOrder() throws Exception {
        WebhookReceiver receiver = receiver(0);
        JsonNode webhook = subscribe(receiver.url(), ALL);
        assertThat(webhook.has("secret")).as("the secret is write-only").isFalse();
        assertThat(webhook.get("eventTypes")).hasSize(5);

        SyndicationFixtures.Article article =
                fixtures.published(fixtures.article("Hooked " + fixtures.tag, List.of("<p>One</p>"), topic), null);
        editLead(article.id(), "Corrected lead");
        call(editor(post("/api/v1/newsroom/articles/{id}/unpublish", article.id())), 200);
        call(editor(post("/api/v1/newsroom/articles/{id}/publish", article.id())), 200);
        call(editor(delete("/api/v1/newsroom/articles/{id}", article.id())), 204);
        call(admin(post("/api/v1/newsroom/articles/{id}/purge", article.id())), 204);

        List<WebhookReceiver.Received> got = receiver.await(about(article.id()), 6, WAIT);
        assertThat(got).allMatch(WebhookReceiver.Received::signatureValid, "signature valid");
        // deliveries run in parallel and may arrive in any order; occurredAt tells the order of the changes
        assertThat(got.stream()
                        .map(r -> json.readTree(r.body()))
                        .sorted(Comparator.comparing(
                                body -> Instant.parse(body.get("occurredAt").asString())))
                        .map(body -> body.get("type").asString()))
                .containsExactly(
                        "article.published",
                        "article.updated",
                        "article.unpublished",
                        "article.published",
                        "article.archived",
                        "article.deleted");
        WebhookReceiver.Received published = got.stream()
                .filter(r -> "article.published".equals(r.header("Dateline-Event")))
                .findFirst()
                .orElseThrow();
        JsonNode first = json.readTree(published.body());
        assertThat(first.get("id").asString()).isEqualTo(published.header("Dateline-Event-Id"));
        assertThat(first.get("article").get("slug").asString()).isEqualTo(article.slug());
        assertThat(first.get("article").get("url").asString()).endsWith("/news/" + article.slug());
        assertThat(Instant.parse(first.get("occurredAt").asString())).isBefore(Instant.now());
    }

    @Test
    void theOutboxHoldsArticleEventsOnlyAndCompletesThem() throws Exception {
        WebhookReceiver receiver = receiver(0);
        subscribe(receiver.url(), "[\"article.published\"]");

        SyndicationFixtures.Article article =
                fixtures.published(fixtures.article("Outboxed " + fixtures.tag, List.of("<p>One</p>"), topic), null);
        receiver.await(about(article.id()), 1, WAIT);

        // page cache evictions are synchronous and never stored: only the webhook listener's events are
        List<String> types = jdbc.sql("select distinct event_type from event_publication")
                .query(String.class)
                .list();
        assertThat(types).containsOnly("io.dateline.newsroom.ArticleChanged");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (incompleteAbout(article.id()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(incompleteAbout(article.id())).isZero();
    }

    private long incompleteAbout(long articleId) {
        return jdbc.sql("""
                        select count(*) from event_publication
                         where completion_date is null and serialized_event like :article
                        """)
                .param("article", "%\"articleId\":" + articleId + ",%")
                .query(Long.class)
                .single();
    }

    @Test
    void onlySubscribedTypesAreDeliveredAndDraftsRaiseNothing() throws Exception {
        WebhookReceiver receiver = receiver(0);
        subscribe(receiver.url(), "[\"article.unpublished\"]");

        SyndicationFixtures.Article article = fixtures.published(
                fixtures.article("Only unpublished " + fixtures.tag, List.of("<p>One</p>"), topic), null);
        call(editor(post("/api/v1/newsroom/articles/{id}/unpublish", article.id())), 200);
        editLead(article.id(), "An edit of a draft is no public change");
        call(editor(delete("/api/v1/newsroom/articles/{id}", article.id())), 204);

        List<WebhookReceiver.Received> got = receiver.await(about(article.id()), 2, Duration.ofSeconds(2));
        assertThat(got).hasSize(1);
        assertThat(json.readTree(got.get(0).body()).get("type").asString()).isEqualTo("article.unpublished");
    }

    @Test
    void aScheduledArticleRaisesPublishedWhenItsTimeComes() throws Exception {
        WebhookReceiver receiver = receiver(0);
        subscribe(receiver.url(), "[\"article.published\"]");
        Instant at = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MICROS);

        SyndicationFixtures.Article draft = fixtures.published(
                fixtures.article("Scheduled " + fixtures.tag, List.of("<p>Soon</p>"), topic),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        assertThat(receiver.received(about(draft.id())))
                .as("nothing before its time")
                .isEmpty();

        List<WebhookReceiver.Received> got = receiver.await(about(draft.id()), 1, WAIT);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).at()).isAfterOrEqualTo(at);
        assertThat(Instant.parse(
                        json.readTree(got.get(0).body()).get("occurredAt").asString()))
                .isEqualTo(at);
        Thread.sleep(1000);
        assertThat(receiver.received(about(draft.id()))).as("raised once").hasSize(1);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffAndTheLogShowsEveryAttempt() throws Exception {
        WebhookReceiver receiver = receiver(2);
        long webhook =
                subscribe(receiver.url(), "[\"article.published\"]").get("id").asLong();

        SyndicationFixtures.Article article =
                fixtures.published(fixtures.article("Retried " + fixtures.tag, List.of("<p>One</p>"), topic), null);

        List<WebhookReceiver.Received> got = receiver.await(about(article.id()), 3, WAIT);
        assertThat(got).hasSize(3);
        assertThat(got.stream().map(r -> r.header("Dateline-Event-Id")).distinct())
                .hasSize(1);
        // back-off 200 ms then 400 ms, each at least half of it (the rest is jitter)
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(got.get(1).at(), got.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        JsonNode delivery =
                awaitDelivery(webhook, d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(delivery.get("eventType").asString()).isEqualTo("article.published");
    }

    @Test
    void aDeliveryIsReplayedWithTheSameBody() throws Exception {
        WebhookReceiver receiver = receiver(0);
        long webhook =
                subscribe(receiver.url(), "[\"article.published\"]").get("id").asLong();
        SyndicationFixtures.Article article =
                fixtures.published(fixtures.article("Replayed " + fixtures.tag, List.of("<p>One</p>"), topic), null);
        receiver.await(about(article.id()), 1, WAIT);
        JsonNode original =
                awaitDelivery(webhook, d -> d.get("status").asString().equals("DELIVERED"));

        JsonNode replay = call(
                admin(post(
                        "/api/v1/admin/webhooks/{id}/deliveries/{delivery}/replay",
                        webhook,
                        original.get("id").asLong())),
                202);

        assertThat(replay.get("replayOf").asLong()).isEqualTo(original.get("id").asLong());
        List<WebhookReceiver.Received> got = receiver.await(about(article.id()), 2, WAIT);
        assertThat(got).hasSize(2);
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        assertThat(got.get(1).signatureValid()).isTrue();
        assertThat(got.get(1).header("Dateline-Delivery"))
                .isEqualTo(replay.get("id").asString());
        call(admin(post("/api/v1/admin/webhooks/{id}/deliveries/{delivery}/replay", webhook, 999_999_999L)), 404);
    }

    @Test
    void aSubscriptionIsReadReplacedAndDeletedWithoutItsSecret() throws Exception {
        WebhookReceiver receiver = receiver(0);
        long id = subscribe(receiver.url(), "[\"article.published\"]").get("id").asLong();

        JsonNode replaced = call(
                admin(put("/api/v1/admin/webhooks/{id}", id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + receiver.url()
                                + "\",\"eventTypes\":[\"article.deleted\"],\"description\":\"renamed\"}"),
                200);
        JsonNode read = call(admin(get("/api/v1/admin/webhooks/{id}", id)), 200);
        JsonNode list = call(admin(get("/api/v1/admin/webhooks")), 200);

        assertThat(replaced.get("eventTypes").get(0).asString()).isEqualTo("article.deleted");
        assertThat(read.get("description").asString()).isEqualTo("renamed");
        assertThat(read.has("secret")).isFalse();
        assertThat(list.get("items").findValuesAsString("url")).contains(receiver.url());
        assertThat(list.toString()).doesNotContain(secret);
        call(admin(delete("/api/v1/admin/webhooks/{id}", id)), 204);
        call(admin(get("/api/v1/admin/webhooks/{id}", id)), 404);
        webhooks.remove(Long.valueOf(id));
    }

    @Test
    void badSubscriptionsAreRefusedAndNothingIsStored() throws Exception {
        int before =
                call(admin(get("/api/v1/admin/webhooks")), 200).get("items").size();
        Map<String, String> bad = new HashMap<>();
        bad.put(
                "internal address",
                "{\"url\":\"http://10.0.0.1/hook\",\"eventTypes\":[\"article.published\"]," + "\"secret\":\"" + secret
                        + "\"}");
        bad.put(
                "metadata service",
                "{\"url\":\"http://169.254.169.254/latest\",\"eventTypes\":" + "[\"article.published\"],\"secret\":\""
                        + secret + "\"}");
        bad.put(
                "unknown event type",
                "{\"url\":\"https://hooks.example.com/x\",\"eventTypes\":[\"article.liked\"]," + "\"secret\":\""
                        + secret + "\"}");
        bad.put("missing secret", "{\"url\":\"https://hooks.example.com/x\",\"eventTypes\":[\"article.published\"]}");
        bad.put(
                "short secret",
                "{\"url\":\"https://hooks.example.com/x\",\"eventTypes\":[\"article.published\"],"
                        + "\"secret\":\"short\"}");
        bad.put(
                "not a URL",
                "{\"url\":\"ftp://hooks.example.com/x\",\"eventTypes\":[\"article.published\"]," + "\"secret\":\""
                        + secret + "\"}");
        bad.put(
                "no event types",
                "{\"url\":\"https://hooks.example.com/x\",\"eventTypes\":[]," + "\"secret\":\"" + secret + "\"}");

        for (var entry : bad.entrySet()) {
            MockHttpServletResponse response = mvc.perform(admin(post("/api/v1/admin/webhooks"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(entry.getValue()))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(entry.getKey()).isEqualTo(400);
            assertThat(response.getContentType()).as(entry.getKey()).startsWith("application/problem+json");
        }
        assertThat(call(admin(get("/api/v1/admin/webhooks")), 200).get("items")).hasSize(before);
    }

    private WebhookReceiver receiver(int failures) {
        WebhookReceiver receiver = new WebhookReceiver(secret, failures);
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode subscribe(String url, String types) throws Exception {
        JsonNode webhook = call(
                admin(post("/api/v1/admin/webhooks"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + url + "\",\"eventTypes\":" + types + ",\"secret\":\"" + secret
                                + "\",\"description\":\"test\"}"),
                201);
        webhooks.add(webhook.get("id").asLong());
        return webhook;
    }

    private JsonNode awaitDelivery(long webhook, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode items = call(admin(get("/api/v1/admin/webhooks/{id}/deliveries", webhook)), 200)
                    .get("items");
            if (!items.isEmpty() && done.test(items.get(0))) {
                return items.get(0);
            }
            assertThat(System.nanoTime())
                    .as("delivery log reached the expected state")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Predicate<WebhookReceiver.Received> about(long articleId) {
        return received ->
                json.readTree(received.body()).get("article").get("id").asLong() == articleId;
    }

    private void editLead(long id, String lead) throws Exception {
        String etag = mvc.perform(editor(get("/api/v1/newsroom/articles/{id}", id)))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        call(
                editor(patch("/api/v1/newsroom/articles/{id}", id))
                        .header("If-Match", etag)
                        .contentType("application/merge-patch+json")
                        .content("{\"lead\":\"" + lead + "\"}"),
                200);
    }

    private MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + tokens.admin());
    }

    private MockHttpServletRequestBuilder editor(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + tokens.editor());
    }

    private JsonNode call(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        String body = response.getContentAsString();
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }
}
