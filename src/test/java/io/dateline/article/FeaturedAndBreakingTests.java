package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.dateline.article.ArticleFixtures.Created;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Featured and breaking flags, end to end: set and cleared by editors as revisions, filtered and
 * shown on public reads, and ending at their expiry without a write. Shares the hand-moved clock's
 * context with ScheduledPublishingTests (the same imports, so the same cached context).
 */
@IntegrationTest
@Import(ScheduledPublishingTests.HandMovedClock.class)
class FeaturedAndBreakingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    ArticleFixtures fixtures;

    String topic;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
        fixtures = new ArticleFixtures(mvc, json, tokens.editor());
        topic = fixtures.topic();
    }

    @AfterEach
    void realTime() {
        clock.set(Instant.now());
    }

    @Test
    void anEditorPinsAndUnpinsAnArticleAsRevisions() throws Exception {
        Created article = fixtures.published(topic);

        JsonNode pinned = body(flag(put("/api/v1/newsroom/articles/{id}/featured", article.id()), article.etag(), null)
                .andExpect(status().isOk()));
        String pinnedTag = fixtures.editorView(article.id()).etag();

        assertThat(pinned.get("featured").asBoolean()).isTrue();
        assertThat(pinned.has("featuredUntil")).isFalse();
        assertThat(pinned.get("version").asLong())
                .isEqualTo(article.body().get("version").asLong() + 1);
        assertThat(actions(article.id())).endsWith("FEATURED");
        mvc.perform(get("/api/v1/articles/{id}", article.id()))
                .andExpect(jsonPath("$.featured").value(true))
                .andExpect(jsonPath("$.breaking").value(false));

        flag(delete("/api/v1/newsroom/articles/{id}/featured", article.id()), article.etag(), null)
                .andExpect(status().isPreconditionFailed());
        flag(delete("/api/v1/newsroom/articles/{id}/featured", article.id()), pinnedTag, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.featured").value(false));

        assertThat(actions(article.id())).endsWith("FEATURED", "UNFEATURED");
        mvc.perform(get("/api/v1/articles/{id}", article.id()))
                .andExpect(jsonPath("$.featured").value(false));
    }

    @Test
    void pinningTheSamePinTwiceRecordsOneRevision() throws Exception {
        Created article = fixtures.published(topic);
        String until = OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC)
                .toString();

        flag(put("/api/v1/newsroom/articles/{id}/featured", article.id()), null, Map.of("until", until))
                .andExpect(status().isOk());
        flag(put("/api/v1/newsroom/articles/{id}/featured", article.id()), null, Map.of("until", until))
                .andExpect(status().isOk());

        assertThat(actions(article.id()).stream().filter("FEATURED"::equals)).hasSize(1);
    }

    @Test
    void featuredListsOnlyPinnedArticlesNewestFirstWhileAllNewsStaysChronological() throws Exception {
        Created oldest = fixtures.published(topic);
        Created middle = fixtures.published(topic);
        Created newest = fixtures.published(topic);
        pin(oldest.id());
        pin(middle.id());

        assertThat(ids(get("/api/v1/articles").param("featured", "true").param("topic", topic)))
                .containsExactly(middle.id(), oldest.id());
        assertThat(ids(get("/api/v1/topics/{slug}/articles", topic).param("featured", "true")))
                .containsExactly(middle.id(), oldest.id());
        assertThat(ids(get("/api/v1/articles").param("featured", "false").param("topic", topic)))
                .containsExactly(newest.id());
        assertThat(ids(get("/api/v1/articles").param("topic", topic)))
                .containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(ids(get("/api/v1/articles").param("featured", "true").param("limit", "100")))
                .contains(middle.id(), oldest.id())
                .doesNotContain(newest.id());
    }

    @Test
    void featuredPagesWalkWithTheCursor() throws Exception {
        List<Long> pinned = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Created article = fixtures.published(topic);
            pin(article.id());
            pinned.add(0, article.id());
        }

        JsonNode first = page(get("/api/v1/articles")
                .param("featured", "true")
                .param("topic", topic)
                .param("limit", "2"));
        JsonNode second = page(get("/api/v1/articles")
                .param("featured", "true")
                .param("topic", topic)
                .param("limit", "2")
                .param("cursor", first.get("nextCursor").asString()));

        assertThat(List.of(
                        first.get("items").get(0).get("id").asLong(),
                        first.get("items").get(1).get("id").asLong(),
                        second.get("items").get(0).get("id").asLong()))
                .isEqualTo(pinned);
        assertThat(second.has("nextCursor")).isFalse();
        mvc.perform(get("/api/v1/articles")
                        .param("topic", topic)
                        .param("limit", "2")
                        .param("cursor", first.get("nextCursor").asString()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void breakingEndsAtItsExpiryWithoutAWrite() throws Exception {
        Created article = fixtures.published(topic);
        Instant until = clock.instant().plus(Duration.ofHours(1));
        flag(
                        put("/api/v1/newsroom/articles/{id}/breaking", article.id()),
                        article.etag(),
                        Map.of("urgency", 2, "until", until.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.breaking").value(true))
                .andExpect(jsonPath("$.urgency").value(2));
        List<String> revisions = actions(article.id());

        mvc.perform(get("/api/v1/articles/{id}", article.id()))
                .andExpect(jsonPath("$.breaking").value(true))
                .andExpect(jsonPath("$.urgency").value(2));
        assertThat(ids(get("/api/v1/articles").param("breaking", "true").param("topic", topic)))
                .containsExactly(article.id());

        clock.set(until.minus(1, ChronoUnit.MICROS));
        JsonNode stillBreaking = page(get("/api/v1/articles")
                .param("breaking", "true")
                .param("topic", topic)
                .param("limit", "11"));
        assertThat(stillBreaking.get("items").get(0).get("urgency").asInt()).isEqualTo(2);

        // fresh renderings (a limit no earlier request used) at the expiry: the flag is gone
        clock.set(until);
        assertThat(ids(get("/api/v1/articles")
                        .param("breaking", "true")
                        .param("topic", topic)
                        .param("limit", "12")))
                .isEmpty();
        JsonNode summary = page(get("/api/v1/articles").param("topic", topic).param("limit", "13"))
                .get("items")
                .get(0);
        assertThat(summary.get("breaking").asBoolean()).isFalse();
        assertThat(summary.get("urgency").isNull()).isTrue();
        mvc.perform(get("/api/v1/newsroom/articles/{id}", article.id()).header("Authorization", fixtures.bearer()))
                .andExpect(jsonPath("$.breaking").value(false))
                .andExpect(jsonPath("$.urgency").value(2));
        assertThat(actions(article.id())).isEqualTo(revisions);
    }

    @Test
    void breakingWithoutAnEndLastsTheConfiguredSixHours() throws Exception {
        Created article = fixtures.published(topic);

        JsonNode marked =
                body(flag(put("/api/v1/newsroom/articles/{id}/breaking", article.id()), null, Map.of("urgency", 1))
                        .andExpect(status().isOk()));

        assertThat(Instant.parse(marked.get("breakingUntil").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofHours(6)));
        flag(delete("/api/v1/newsroom/articles/{id}/breaking", article.id()), null, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.breaking").value(false))
                .andExpect(jsonPath("$.urgency").doesNotExist());
        assertThat(actions(article.id())).endsWith("BREAKING", "BREAKING_ENDED");
    }

    @Test
    void aCachedPageShowsAnExpiredPinNoLongerThanItsMaxAge() throws Exception {
        Created article = fixtures.published(topic);
        Instant until = clock.instant().plus(Duration.ofSeconds(10));
        flag(put("/api/v1/newsroom/articles/{id}/featured", article.id()), null, Map.of("until", until.toString()))
                .andExpect(status().isOk());
        var before = mvc.perform(get("/api/v1/topics/{slug}/articles", topic))
                .andExpect(jsonPath("$.items[0].featured").value(true))
                .andReturn()
                .getResponse();

        clock.set(until.plus(Duration.ofSeconds(16)));
        var after = mvc.perform(get("/api/v1/topics/{slug}/articles", topic))
                .andExpect(jsonPath("$.items[0].featured").value(false))
                .andReturn()
                .getResponse();
        mvc.perform(get("/api/v1/articles/{id}", article.id()))
                .andExpect(jsonPath("$.featured").value(false));

        assertThat(before.getHeader("Cache-Control")).contains("max-age=15");
        assertThat(after.getHeader("ETag")).isNotEqualTo(before.getHeader("ETag"));
    }

    @Test
    void badFlagsAreRefusedAndChangeNothing() throws Exception {
        Created article = fixtures.published(topic);
        String past = clock.instant().minus(Duration.ofMinutes(1)).toString();

        for (Object urgency : new Object[] {0, 10, "x"}) {
            flag(put("/api/v1/newsroom/articles/{id}/breaking", article.id()), null, Map.of("urgency", urgency))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        flag(put("/api/v1/newsroom/articles/{id}/breaking", article.id()), null, Map.of())
                .andExpect(status().isBadRequest());
        flag(put("/api/v1/newsroom/articles/{id}/breaking", article.id()), null, Map.of("urgency", 3, "until", past))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("until"));
        flag(put("/api/v1/newsroom/articles/{id}/featured", article.id()), null, Map.of("until", past))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("until"));
        mvc.perform(patch("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", fixtures.bearer())
                        .header("If-Match", article.etag())
                        .contentType("application/merge-patch+json")
                        .content("{\"urgency\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/read-only-property"));
        mvc.perform(get("/api/v1/articles").param("featured", "maybe")).andExpect(status().isBadRequest());

        Created now = fixtures.editorView(article.id());
        assertThat(now.etag()).isEqualTo(article.etag());
        assertThat(now.body().get("featured").asBoolean()).isFalse();
        assertThat(now.body().has("urgency")).isFalse();
    }

    @Test
    void ninjsCarriesTheUrgencyWhileBreakingAndStaysValid() throws Exception {
        Schema ninjs;
        try (InputStream schema = getClass().getResourceAsStream("/ninjs/ninjs-schema_2.2.json")) {
            ninjs = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(schema);
        }
        Created article = fixtures.published(topic);
        Instant until = clock.instant().plus(Duration.ofMinutes(30));
        flag(
                        put("/api/v1/newsroom/articles/{id}/breaking", article.id()),
                        null,
                        Map.of("urgency", 1, "until", until.toString()))
                .andExpect(status().isOk());

        JsonNode item =
                body(mvc.perform(get("/api/v1/articles/{id}", article.id()).accept("application/ninjs+json")));
        clock.set(until.plus(Duration.ofMinutes(2)));
        JsonNode expired =
                body(mvc.perform(get("/api/v1/articles/{id}", article.id()).accept("application/ninjs+json")));

        assertThat(item.get("urgency").asInt()).isEqualTo(1);
        assertThat(ninjs.validate(item)).isEmpty();
        assertThat(expired.has("urgency")).isFalse();
        assertThat(ninjs.validate(expired)).isEmpty();
    }

    private void pin(long id) throws Exception {
        flag(put("/api/v1/newsroom/articles/{id}/featured", id), null, null).andExpect(status().isOk());
    }

    private ResultActions flag(MockHttpServletRequestBuilder request, String ifMatch, Map<String, ?> body)
            throws Exception {
        request.header("Authorization", fixtures.bearer());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private List<String> actions(long id) throws Exception {
        JsonNode list = body(mvc.perform(
                get("/api/v1/newsroom/articles/{id}/revisions", id).header("Authorization", fixtures.bearer())));
        List<String> actions = new ArrayList<>();
        list.get("items")
                .forEach(revision -> actions.add(0, revision.get("action").asString()));
        return actions;
    }

    private List<Long> ids(MockHttpServletRequestBuilder request) throws Exception {
        List<Long> ids = new ArrayList<>();
        page(request).get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private JsonNode page(MockHttpServletRequestBuilder request) throws Exception {
        return body(mvc.perform(request).andExpect(status().isOk()));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
