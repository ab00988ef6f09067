package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.QueryCounting;
import io.dateline.TestSecurity;
import io.dateline.article.ArticleFixtures.Created;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change feed's promise: an app that replays it from the beginning, whatever happens while it
 * pages, ends with exactly the visible articles in their latest state. Runs in the hand-moved
 * clock's context (shared with {@link ScheduledPublishingTests}), so a scheduled article's time
 * comes when the test says.
 */
@IntegrationTest
@Import(ScheduledPublishingTests.HandMovedClock.class)
class ChangeFeedTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    ArticleChanges changes;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    ArticleFixtures fixtures;

    String topic;

    /**
     * Where the previous test of this class left the clock. The feed is exact for a clock that never
     * goes back: an entry placed when a publish time had come stays placed. Other tests on the
     * shared database place entries at clocks up to a few days ahead, and then set it back, so each
     * test starts its clock beyond all of them, and beyond the previous test here.
     */
    private static Instant lastClock = Instant.EPOCH;

    @BeforeEach
    void setUp() {
        Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
        clock.set(start.isAfter(lastClock) ? start : lastClock.plus(Duration.ofDays(1)));
        fixtures = new ArticleFixtures(mvc, json, tokens.editor());
        topic = fixtures.topic();
    }

    @AfterEach
    void realTime() {
        lastClock = clock.instant();
        clock.set(Instant.now());
    }

    @Test
    void anAppReplayingTheFeedWhileEditorsWorkEndsWithExactlyTheVisibleArticles() throws Exception {
        Created edited = fixtures.published(topic);
        Created unpublished = fixtures.published(topic);
        Created archived = fixtures.published(topic);
        Created purged = fixtures.published(topic);
        Created rescheduled = fixtures.published(topic);
        Created scheduled = fixtures.draft(topic);
        fixtures.publish(
                scheduled.id(), OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofHours(1)), ZoneOffset.UTC));
        App app = new App(7);

        app.page();
        edit(edited.id(), "First correction");
        unpublish(unpublished.id());
        app.page();
        archive(archived.id());
        purge(purged.id());
        fixtures.publish(
                rescheduled.id(), OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofHours(3)), ZoneOffset.UTC));
        Created late = fixtures.published(topic);
        changes.sequence();
        app.page();
        clock.advance(Duration.ofMinutes(90));
        changes.sequence();
        app.page();
        edit(edited.id(), "Second correction");
        fixtures.publish(unpublished.id(), null);
        edit(late.id(), "Late correction");
        app.catchUp();

        assertThat(app.copy).isEqualTo(visibleArticles());
        assertThat(app.copy).containsKeys(edited.id(), unpublished.id(), scheduled.id(), late.id());
        assertThat(app.copy).doesNotContainKeys(archived.id(), purged.id(), rescheduled.id());
        assertThat(app.copy.get(edited.id()).get("headline").asString()).isEqualTo("Second correction");

        clock.advance(Duration.ofMinutes(90));
        app.catchUp();

        assertThat(app.copy).containsKey(rescheduled.id());
        assertThat(app.copy).isEqualTo(visibleArticles());
    }

    @Test
    void aReaderPagingWhileSeveralEditorsWriteCatchesUpToExactlyTheVisibleArticles() throws Exception {
        List<Created> live = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            live.add(fixtures.published(topic));
        }
        App app = new App(5);
        app.catchUp();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int round = 0; round < 6; round++) {
                    Created own = live.get(writer * 2 + round % 2);
                    switch (round % 3) {
                        case 0 -> edit(own.id(), "Writer " + writer + " round " + round);
                        case 1 -> unpublish(own.id());
                        default -> fixtures.publish(own.id(), null);
                    }
                    fixtures.published(topic);
                }
                return null;
            }));
        }
        Future<?> sequencer = writers.submit(() -> {
            while (writing.get()) {
                changes.sequence();
                Thread.sleep(5);
            }
            return null;
        });
        while (done.stream().anyMatch(future -> !future.isDone())) {
            app.page();
        }
        for (Future<?> future : done) {
            future.get();
        }
        writing.set(false);
        sequencer.get();
        writers.shutdown();

        app.catchUp();

        assertThat(app.copy).isEqualTo(visibleArticles());
    }

    @Test
    void placingChangesDropsTheCachedPagesThatLackThem() throws Exception {
        String since = new App(500).catchUp();
        Created fresh = fixtures.published(topic);
        // rendered and cached after the publish, before the sequencer placed it: no entry yet
        assertThat(changeIds(since)).doesNotContain(fresh.id());

        changes.sequence();

        assertThat(changeIds(since)).as("the next read after placing").contains(fresh.id());
    }

    private List<Long> changeIds(String since) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/changes").param("since", since))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(entry -> ids.add(entry.get("id").asLong()));
        return ids;
    }

    @Test
    void aPageCarriesTombstonesWithOnlyIdAndTypeAndArticlesWithTheirUrl() throws Exception {
        String since = new App(500).catchUp();
        Created kept = fixtures.published(topic);
        Created dropped = fixtures.published(topic);
        unpublish(dropped.id());
        changes.sequence();

        String body = mvc.perform(get("/api/v1/changes").param("since", since))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=5")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("public")))
                .andExpect(header().exists("ETag"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        JsonNode items = json.readTree(body).get("items");
        JsonNode live = find(items, kept.id());
        assertThat(live.get("type").asString()).isEqualTo("published");
        assertThat(live.get("article").get("url").asString()).isEqualTo("http://localhost:8080/news/" + kept.slug());
        assertThat(live.get("article").get("updatedAt").asString()).isNotBlank();
        JsonNode tombstone = find(items, dropped.id());
        assertThat(tombstone.get("type").asString()).isEqualTo("unpublished");
        assertThat(tombstone.propertyNames()).containsExactlyInAnyOrder("type", "id");
    }

    @Test
    void anEmptyPageStillCarriesACursorAndAnsweredIfNoneMatch() throws Exception {
        String since = new App(500).catchUp();

        MockHttpServletResponse first = mvc.perform(get("/api/v1/changes").param("since", since))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.next").isNotEmpty())
                .andReturn()
                .getResponse();

        mvc.perform(get("/api/v1/changes").param("since", since).header("If-None-Match", first.getHeader("ETag")))
                .andExpect(status().isNotModified());
    }

    @Test
    void aTamperedOrGarbageCursorIsA400Problem() throws Exception {
        String since = new App(500).catchUp();
        String forged = since.substring(0, since.indexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAA";

        for (String cursor : List.of(forged, "garbage", "", "a.b.c")) {
            mvc.perform(get("/api/v1/changes").param("since", cursor))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string(
                                    "Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
        }
    }

    @Test
    void limitIsBoundedTo1Through500() throws Exception {
        for (String limit : List.of("0", "501", "-1", "many")) {
            mvc.perform(get("/api/v1/changes").param("limit", limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string(
                                    "Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
        }
        mvc.perform(get("/api/v1/changes").param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void aPageIsOneStatementWhateverItsSize() throws Exception {
        for (int i = 0; i < 12; i++) {
            fixtures.published(topic);
        }
        changes.sequence();
        long[] counts = new long[2];
        int[] sizes = {3, 12};
        for (int i = 0; i < sizes.length; i++) {
            QueryCounting.reset();
            mvc.perform(get("/api/v1/changes").param("limit", String.valueOf(sizes[i])))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items.length()").value(sizes[i]));
            counts[i] = QueryCounting.statements();
        }

        assertThat(counts[1]).isEqualTo(counts[0]).isPositive();
    }

    @Test
    void summariesAndArticlesCarryTheirPublicUrlAndLastPublicChange() throws Exception {
        Created article = fixtures.published(topic);
        clock.advance(Duration.ofMinutes(5));
        edit(article.id(), "Corrected headline");

        JsonNode read = json.readTree(mvc.perform(get("/api/v1/articles/{id}", article.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        JsonNode summary = find(
                json.readTree(mvc.perform(get("/api/v1/topics/{slug}/articles", topic))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .get("items"),
                article.id());

        for (JsonNode shown : List.of(read, summary)) {
            assertThat(shown.get("url").asString()).isEqualTo("http://localhost:8080/news/" + article.slug());
            OffsetDateTime updatedAt =
                    OffsetDateTime.parse(shown.get("updatedAt").asString());
            assertThat(updatedAt.toInstant()).isEqualTo(clock.instant());
            assertThat(updatedAt.getOffset()).isEqualTo(ZoneOffset.ofHours(3));
            assertThat(OffsetDateTime.parse(shown.get("publishedAt").asString()).toInstant())
                    .isBefore(updatedAt.toInstant());
        }
    }

    /** What the public may see now, each as the feed shows it: the state an exact app must hold. */
    private Map<Long, JsonNode> visibleArticles() {
        List<Long> ids = jdbc.sql("select id from visible_article(:now)")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .list();
        Map<Long, JsonNode> visible = new HashMap<>();
        for (ArticleSummary summary : articles.visibleSummaries(ids)) {
            visible.put(summary.id(), json.readTree(json.writeValueAsString(summary)));
        }
        return visible;
    }

    private static JsonNode find(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no entry for article " + id + " in " + items);
    }

    private void edit(long id, String headline) throws Exception {
        String etag = fixtures.editorView(id).etag();
        mvc.perform(patch("/api/v1/newsroom/articles/{id}", id)
                        .header("Authorization", fixtures.bearer())
                        .header("If-Match", etag)
                        .contentType("application/merge-patch+json")
                        .content(json.writeValueAsString(Map.of("headline", headline))))
                .andExpect(status().isOk());
    }

    private void unpublish(long id) throws Exception {
        mvc.perform(post("/api/v1/newsroom/articles/{id}/unpublish", id).header("Authorization", fixtures.bearer()))
                .andExpect(status().isOk());
    }

    private void archive(long id) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/newsroom/articles/{id}", id)
                        .header("Authorization", fixtures.bearer()))
                .andExpect(status().is2xxSuccessful());
    }

    private void purge(long id) throws Exception {
        mvc.perform(post("/api/v1/newsroom/articles/{id}/purge", id)
                        .header("Authorization", "Bearer " + tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().is2xxSuccessful());
    }

    /** An app's local copy, kept by the change feed alone, as the README's sync loop does it. */
    class App {

        final Map<Long, JsonNode> copy = new HashMap<>();

        final int limit;

        String since;

        App(int limit) {
            this.limit = limit;
        }

        /** One call; returns whether more follow. */
        boolean page() throws Exception {
            var request = get("/api/v1/changes").param("limit", Integer.toString(limit));
            if (since != null) {
                request.param("since", since);
            }
            JsonNode page = json.readTree(mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            for (JsonNode entry : page.get("items")) {
                long id = entry.get("id").asLong();
                switch (entry.get("type").asString()) {
                    case "published", "updated" -> copy.put(id, entry.get("article"));
                    case "unpublished", "archived", "deleted" -> copy.remove(id);
                    default -> throw new AssertionError("unknown change type in " + entry);
                }
            }
            since = page.get("next").asString();
            return page.get("hasMore").asBoolean();
        }

        String catchUp() throws Exception {
            changes.sequence();
            while (page()) {
                // every page until the feed says the app is up to date
            }
            return since;
        }
    }
}
