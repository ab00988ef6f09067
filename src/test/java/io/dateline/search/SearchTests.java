package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.QueryCounting;
import io.dateline.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTests {

    /** What may remain of a highlight once its marks are gone: no markup, entities only. */
    private static final Pattern ESCAPED_TEXT = Pattern.compile("([^<>\"'&]|&(amp|lt|gt|quot|#39);)*");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JsonMapper json;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    SearchProperties properties;

    SearchFixtures corpus;

    @BeforeAll
    void loadCorpus() {
        corpus = new SearchFixtures(jdbc, events).corpus(json);
    }

    @Test
    void russianWordsFindTheirOtherForms() throws Exception {
        assertThat(keys(search("министров"))).contains("ru-minister");
        assertThat(keys(search("безопасности"))).contains("ru-security-nominative", "ru-security-genitive");
        assertThat(keys(search("безопасность"))).contains("ru-security-genitive", "ru-security-nominative");
    }

    @Test
    void englishWordsFindTheirOtherForms() throws Exception {
        assertThat(keys(search("meetings"))).contains("meeting-headline", "meeting-body", "oil-meeting", "lavrov");
        assertThat(keys(search("counted animal"))).containsExactlyInAnyOrder("quokka-today", "quokka-old");
    }

    @Test
    void quotedPhrasesNeedAdjacentWords() throws Exception {
        assertThat(keys(search("\"prime minister\""))).containsExactly("prime-minister");
        assertThat(keys(search("prime minister"))).containsExactlyInAnyOrder("prime-minister", "minister-prime-rates");
    }

    @Test
    void minusExcludesAndOrWidens() throws Exception {
        List<String> found = keys(search("meeting -oil"));

        assertThat(found).contains("meeting-headline", "meeting-body").doesNotContain("oil-meeting");
        assertThat(keys(search("wombat or quokka")))
                .containsExactlyInAnyOrder("wombat-headline", "wombat-body", "quokka-today", "quokka-old");
    }

    @Test
    void aHeadlineMatchOutranksABodyOnlyMatch() throws Exception {
        List<String> found = keys(search("meeting"));

        // the body-only match is a day newer
        assertThat(found.indexOf("meeting-headline")).isLessThan(found.indexOf("meeting-body"));
        assertThat(found.indexOf("oil-meeting")).isLessThan(found.indexOf("meeting-body"));
    }

    @Test
    void todaysArticleBeatsAnOldOneWithTheSameWordsButAMuchBetterMatchStillWins() throws Exception {
        JsonNode quokka = body(search("quokka census"));

        assertThat(keys(quokka)).containsExactly("quokka-today", "quokka-old");
        assertThat(quokka.at("/items/0/score").asDouble())
                .isGreaterThan(100 * quokka.at("/items/1/score").asDouble());
        // a headline hit from 20 days ago against a passing mention from this morning
        assertThat(keys(search("wombat"))).containsExactly("wombat-headline", "wombat-body");
    }

    @Test
    void highlightsMarkTheMatchedWordsAndEscapeEverythingElse() throws Exception {
        JsonNode hit = body(search("inflation")).at("/items/0");

        assertThat(hit.get("id").asLong()).isEqualTo(corpus.id("escaping"));
        assertThat(hit.get("headline").asString()).isEqualTo("Inflation <2% & rising");
        assertThat(hit.at("/highlights/headline").asString()).isEqualTo("<mark>Inflation</mark> &lt;2% &amp; rising");
        String snippet = hit.at("/highlights/snippet").asString();
        assertThat(snippet).contains("<mark>inflation</mark>").doesNotContain("<b>", "<script>");
        assertThat(withoutMarks(snippet)).matches(ESCAPED_TEXT);

        assertThat(body(search("meetings")).findValues("headline").stream()
                        .map(JsonNode::asString)
                        .toList())
                .contains("Foreign ministers open a <mark>meeting</mark> on Arctic shipping");
        assertThat(body(search("министров")).at("/items/0/highlights/headline").asString())
                .isEqualTo("<mark>Министр</mark> обороны провёл совещание");
    }

    @Test
    void everyHighlightIsEscapedText() throws Exception {
        for (String q : List.of("meeting", "inflation wages", "rangers", "министр", "harvest")) {
            for (JsonNode item : body(search(q)).get("items")) {
                assertThat(withoutMarks(item.at("/highlights/headline").asString()))
                        .as(q)
                        .matches(ESCAPED_TEXT);
                if (item.at("/highlights/snippet").isString()) {
                    assertThat(withoutMarks(item.at("/highlights/snippet").asString()))
                            .as(q)
                            .matches(ESCAPED_TEXT);
                }
            }
        }
    }

    @Test
    void filtersCombineWithTheQuery() throws Exception {
        String farming = corpus.topicSlug("agriculture");
        Instant monthAgo = corpus.now.minus(Duration.ofDays(30));

        assertThat(keys(search("harvest")))
                .containsExactlyInAnyOrder("harvest-farming", "harvest-markets", "harvest-old");
        assertThat(keys(search("harvest").param("topic", farming)))
                .containsExactlyInAnyOrder("harvest-farming", "harvest-old");
        assertThat(keys(search("harvest").param("excludeTopic", farming))).containsExactly("harvest-markets");
        assertThat(keys(search("harvest").param("since", monthAgo.toString())))
                .containsExactlyInAnyOrder("harvest-farming", "harvest-markets");
        assertThat(keys(search("harvest").param("until", monthAgo.toString()))).containsExactly("harvest-old");
        assertThat(keys(search("harvest").param("dateline", "rostov")))
                .containsExactlyInAnyOrder("harvest-farming", "harvest-old");
        assertThat(keys(search("harvest").param("sort", "date")))
                .containsExactly("harvest-farming", "harvest-markets", "harvest-old");
        assertThat(keys(search("урожай").param("language", "ru"))).containsExactly("harvest-ru");
        assertThat(keys(search("урожай").param("language", "en"))).isEmpty();
        assertThat(keys(search("урожай").param("topic", farming).param("language", "ru", "en")))
                .containsExactly("harvest-ru");
        assertThat(keys(search("harvest").param("source", "no-such-source"))).isEmpty();
    }

    @Test
    void aTopicsNameFindsItsArticles() throws Exception {
        assertThat(keys(search("permafrost"))).containsExactlyInAnyOrder("permafrost-topic", "permafrost-text");
        assertThat(keys(search("permafrost research"))).containsExactly("permafrost-topic");
        assertThat(keys(search("permafrost -laboratory"))).containsExactly("permafrost-text");
        assertThat(keys(search("permafrost").param("sort", "date")))
                .containsExactly("permafrost-topic", "permafrost-text");
    }

    @Test
    void otherLanguagesAreMatchedWithoutStemming() throws Exception {
        assertThat(keys(search("Messe"))).containsExactly("de-article");
        assertThat(keys(search("messe").param("language", "de"))).containsExactly("de-article");
        assertThat(keys(search("messe").param("language", "en"))).isEmpty();
    }

    @Test
    void onlyStopWordsFindNothing() throws Exception {
        mvc.perform(search("the and of").param("language", "en", "ru"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void pagesThroughEveryMatchExactlyOnceInBothOrders() throws Exception {
        List<Long> bulk = corpus.bulk("zibbertok", 45, corpus.now.minus(Duration.ofDays(1)), Duration.ofHours(5));

        for (String sort : List.of("relevance", "date")) {
            List<Long> seen = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                MockHttpServletRequestBuilder request =
                        search("zibbertok").param("sort", sort).param("limit", "7");
                if (cursor != null) {
                    request.param("cursor", cursor);
                }
                JsonNode page = body(request);
                for (JsonNode item : page.get("items")) {
                    seen.add(item.get("id").asLong());
                    scores.add(item.get("score").asDouble());
                    times.add(Instant.parse(item.get("publishedAt").asString()));
                }
                cursor = page.path("nextCursor").isString()
                        ? page.get("nextCursor").asString()
                        : null;
                pages++;
            } while (cursor != null);

            assertThat(new LinkedHashSet<>(seen)).as(sort + ": no duplicates").hasSameSizeAs(seen);
            assertThat(seen).as(sort).containsExactlyInAnyOrderElementsOf(bulk);
            assertThat(pages).isEqualTo(7);
            if (sort.equals("relevance")) {
                assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            } else {
                assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
            }
        }
    }

    @Test
    void relevancePagesEndAfterTheRankedResultsWithAClear400() throws Exception {
        int window = properties.relevanceCandidates();
        corpus.bulk("glimmerstat", window + 5, Instant.parse("2005-06-01T00:00:00Z"), Duration.ofHours(1));

        String cursor = null;
        int shown = 0;
        for (int page = 0; page < window / 100; page++) {
            MockHttpServletRequestBuilder request = search("glimmerstat").param("limit", "100");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode body = body(request);
            shown += body.get("items").size();
            cursor = body.get("nextCursor").asString();
        }

        assertThat(shown).isEqualTo(window);
        mvc.perform(search("glimmerstat").param("limit", "100").param("cursor", cursor))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/search-too-deep"))
                .andExpect(jsonPath("$.maxResults").value(window))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("sort=date")));

        int byDate = 0;
        cursor = null;
        do {
            MockHttpServletRequestBuilder request =
                    search("glimmerstat").param("sort", "date").param("limit", "100");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode body = body(request);
            byDate += body.get("items").size();
            cursor = body.path("nextCursor").isString() ? body.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(byDate).isEqualTo(window + 5);
    }

    @Test
    void editorsSearchEveryWorkflowStateAndNobodyElseMay() throws Exception {
        Instant past = corpus.now.minus(Duration.ofDays(1));
        long published = article("vellichor-published", "PUBLISHED", past);
        long draft = article("vellichor-draft", "DRAFT", null);
        long scheduled = article("vellichor-scheduled", "PUBLISHED", corpus.now.plus(Duration.ofDays(2)));
        long archived = article("vellichor-archived", "ARCHIVED", past);
        String editor = "Bearer " + tokens.editor();

        assertThat(ids(search("vellichor"))).containsExactly(published);
        mvc.perform(newsroomSearch("vellichor").param("status", "DRAFT"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
        mvc.perform(newsroomSearch("vellichor")
                        .param("status", "DRAFT")
                        .header("Authorization", "Bearer " + tokens.reader()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(newsroomSearch("vellichor").param("status", "DRAFT").header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store, private"))
                .andExpect(jsonPath("$.items[0].id").value(draft))
                .andExpect(jsonPath("$.items[0].publishedAt").doesNotExist())
                .andExpect(jsonPath("$.items.length()").value(1));
        assertThat(ids(newsroomSearch("vellichor")
                        .param("status", "DRAFT")
                        .header("Authorization", "Bearer " + tokens.admin())))
                .containsExactly(draft);
        assertThat(ids(newsroomSearch("vellichor").param("status", "SCHEDULED").header("Authorization", editor)))
                .containsExactly(scheduled);
        assertThat(ids(newsroomSearch("vellichor").param("status", "ARCHIVED").header("Authorization", editor)))
                .containsExactly(archived);
        assertThat(ids(newsroomSearch("vellichor")
                        .param("status", "PUBLISHED")
                        .param("sort", "date")
                        .header("Authorization", editor)))
                .containsExactly(published);
        mvc.perform(newsroomSearch("vellichor").param("status", "LIVE").header("Authorization", editor))
                .andExpect(status().isBadRequest());
        // the public search has one meaning: published articles, whoever asks and whatever the parameters
        assertThat(ids(search("vellichor").param("status", "DRAFT").header("Authorization", editor)))
                .containsExactly(published);
    }

    @Test
    void answersAnUnchangedPageWith304AndCachesPublicly() throws Exception {
        // scores age from a whole minute: do not straddle one
        while (LocalTime.now(ZoneOffset.UTC).getSecond() >= 55) {
            Thread.sleep(500);
        }
        String etag = mvc.perform(search("rangers"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Cache-Control", "max-age=15, public, stale-while-revalidate=30, stale-if-error=300"))
                .andExpect(header().string("Vary", org.hamcrest.Matchers.containsString("Authorization")))
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        mvc.perform(search("rangers").header("If-None-Match", etag)).andExpect(status().isNotModified());

        corpus.edit(corpus.id("wombat-body"));
        mvc.perform(search("rangers").header("If-None-Match", etag)).andExpect(status().isOk());
    }

    @Test
    void aPageCostsAFewStatementsWhateverItsSize() throws Exception {
        corpus.bulk("costword", 60, corpus.now.minus(Duration.ofDays(3)), Duration.ofHours(1));

        for (String sort : List.of("relevance", "date")) {
            // once uncounted: what is loaded once and cached (the source's existence) is not a page's cost
            mvc.perform(search("costword").param("sort", sort).param("limit", "1"))
                    .andExpect(status().isOk());
            List<Long> counts = new ArrayList<>();
            for (int limit : new int[] {2, 50}) {
                QueryCounting.reset();
                mvc.perform(search("costword").param("sort", sort).param("limit", String.valueOf(limit)))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.items.length()").value(limit));
                counts.add(QueryCounting.statements());
            }

            // whether the source exists at all, the search's first statement (plan settings, the
            // query's tsqueries and matching topics), one to four reads of the matches (walk, walk on,
            // index window, whole index) with the switch to plans for the words before an index
            // read, the page's rows
            assertThat(counts).as(sort).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(8));
            assertThat(counts.get(1))
                    .as(sort + ": the same whatever the page size")
                    .isEqualTo(counts.get(0));
        }
    }

    @Test
    void refusesBadParametersWithProblems() throws Exception {
        mvc.perform(get("/api/v1/search"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(search("   "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(search("x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(search("x".repeat(200))).andExpect(status().isOk());
        mvc.perform(search("meeting").param("sort", "best")).andExpect(status().isBadRequest());
        mvc.perform(search("meeting").param("limit", "0")).andExpect(status().isBadRequest());
        mvc.perform(search("meeting").param("limit", "101")).andExpect(status().isBadRequest());
        mvc.perform(search("meeting").param("language", "english")).andExpect(status().isBadRequest());
        mvc.perform(search("meeting").param("since", "yesterday")).andExpect(status().isBadRequest());
        mvc.perform(search("meeting").param("since", "2024-02-01T00:00:00Z").param("until", "2024-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest());
        mvc.perform(search("meeting").param("topic", "no-such-topic-" + corpus.tag))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/unknown-topic"));
    }

    @Test
    void aCursorOnlyPagesItsOwnSearch() throws Exception {
        corpus.bulk("cursorword", 12, corpus.now.minus(Duration.ofDays(2)), Duration.ofHours(1));
        for (String sort : List.of("relevance", "date")) {
            String cursor = body(search("cursorword").param("sort", sort).param("limit", "5"))
                    .get("nextCursor")
                    .asString();

            mvc.perform(search("cursorword")
                            .param("sort", sort)
                            .param("limit", "5")
                            .param("cursor", cursor))
                    .andExpect(status().isOk());
            mvc.perform(search("cursorword meeting").param("sort", sort).param("cursor", cursor))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-cursor"));
            mvc.perform(search("cursorword")
                            .param("sort", sort.equals("date") ? "relevance" : "date")
                            .param("cursor", cursor))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-cursor"));
            mvc.perform(search("cursorword").param("sort", sort).param("cursor", cursor.substring(1)))
                    .andExpect(status().isBadRequest());
        }
    }

    @Test
    void anArticlePublishedThroughTheApiIsFoundWithItsHtmlStripped() throws Exception {
        String editor = "Bearer " + tokens.editor();
        String topic = json.readTree(mvc.perform(post("/api/v1/newsroom/topics")
                                .header("Authorization", editor)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Airships " + corpus.tag + "\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("slug")
                .asString();
        Map<String, Object> article = Map.of(
                "headline", "Zeppelinfest opens on the Volga",
                "lead", "Crowds came early.",
                "body", "<p>The <b>zeppelinfest</b> opens &amp; <i>draws</i> crowds &lt;again&gt;.</p>",
                "source", corpus.source(),
                "language", "en",
                "topics", List.of(topic));
        long id = json.readTree(mvc.perform(post("/api/v1/newsroom/articles")
                                .header("Authorization", editor)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(article)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asLong();
        assertThat(ids(search("zeppelinfest"))).isEmpty();

        mvc.perform(post("/api/v1/newsroom/articles/{id}/publish", id).header("Authorization", editor))
                .andExpect(status().isOk());

        JsonNode hit = body(search("zeppelinfest")).at("/items/0");
        assertThat(hit.get("id").asLong()).isEqualTo(id);
        assertThat(hit.at("/highlights/headline").asString()).isEqualTo("<mark>Zeppelinfest</mark> opens on the Volga");
        // ts_headline ends a fragment at a word: the closing ">." goes
        assertThat(hit.at("/highlights/snippet").asString())
                .isEqualTo("The <mark>zeppelinfest</mark> opens &amp; draws crowds &lt;again");
        assertThat(hit.at("/topics/0/slug").asString()).isEqualTo(topic);
        assertThat(ids(search("airships " + corpus.tag))).containsExactly(id);
    }

    @Test
    void suggestsTopicsAndHeadlinesByPrefixAndDespiteTypos() throws Exception {
        String word = "zorvex" + corpus.tag;
        corpus.topic("zorvex", "Zorvex" + corpus.tag + " Affairs");
        article(
                word + "-summit",
                "PUBLISHED",
                corpus.now.minus(Duration.ofHours(3)),
                "Zorvex" + corpus.tag + " summit opens");

        JsonNode prefix = suggest(word.substring(0, 10));
        assertThat(prefix.at("/items/0/type").asString()).isEqualTo("topic");
        assertThat(prefix.at("/items/0/slug").asString()).isEqualTo(corpus.topicSlug("zorvex"));
        assertThat(prefix.findValuesAsString("text")).contains("Zorvex" + corpus.tag + " summit opens");

        assertThat(suggest("Lavorv").findValuesAsString("text")).anyMatch(text -> text.contains("Lavrov"));
        assertThat(suggest("ministr").findValuesAsString("text")).isNotEmpty();

        mvc.perform(get("/api/v1/search/suggest").param("q", word).param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Cache-Control", "max-age=15, public, stale-while-revalidate=30, stale-if-error=300"))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/v1/search/suggest").param("q", "!!! ???"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/api/v1/search/suggest").param("q", " ")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/search/suggest")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/search/suggest").param("q", "lav").param("limit", "11"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void countsAFewMatchesExactlyInBothOrders() throws Exception {
        corpus.bulk("tallymark", 45, corpus.now.minus(Duration.ofDays(2)), Duration.ofHours(3));

        for (String sort : List.of("relevance", "date")) {
            for (String limit : List.of("7", "100")) {
                JsonNode page = body(search("tallymark").param("sort", sort).param("limit", limit));

                assertThat(page.at("/total/value").asLong())
                        .as(sort + " " + limit)
                        .isEqualTo(45);
                assertThat(page.at("/total/relation").asString())
                        .as(sort + " " + limit)
                        .isEqualTo("eq");
            }
        }
        JsonNode none = body(search("tallymark -tallymark"));
        assertThat(none.at("/total/value").asLong()).isZero();
        assertThat(none.at("/total/relation").asString()).isEqualTo("eq");
    }

    @Test
    void estimatesManyMatchesAndSaysSo() throws Exception {
        int limit = properties.exactTotalLimit();
        // long ago, so that no other test's walk through the newest articles meets them
        corpus.bulk("plentiword", limit + 10, Instant.parse("2003-03-01T00:00:00Z"), Duration.ofMinutes(10));

        for (String sort : List.of("relevance", "date")) {
            JsonNode page = body(search("plentiword").param("sort", sort).param("limit", "5"));

            assertThat(page.get("items")).as(sort).hasSize(5);
            assertThat(page.at("/total/relation").asString()).as(sort).isEqualTo("estimate");
            assertThat(page.at("/total/value").asLong()).as(sort).isGreaterThan(limit);
        }
    }

    @Test
    void theOpenApiDocumentDescribesSearch() throws Exception {
        JsonNode search = json.readTree(mvc.perform(get("/v3/api-docs"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .at("/paths/~1api~1v1~1search/get");

        assertThat(search.findValuesAsString("name"))
                .contains("q", "sort", "language", "topic", "cursor")
                .doesNotContain("status");
        assertThat(search.get("summary").asString()).isNotBlank();
        assertThat(search.at("/responses").propertyNames()).contains("200", "400", "401", "422");
        assertThat(search.at("/responses/400/content").has("application/problem+json"))
                .isTrue();
        assertThat(search.at("/description").asString()).contains("total");
    }

    private long article(String key, String status, Instant publishedAt) {
        return article(key, status, publishedAt, "Vellichor notes of the " + key.substring(10) + " desk");
    }

    private long article(String key, String status, Instant publishedAt, String headline) {
        return corpus.article(key, "en", headline, "A lead.", "A body.", "MOSCOW", status, publishedAt, List.of());
    }

    private MockHttpServletRequestBuilder search(String q) {
        return get("/api/v1/search").param("q", q).param("source", corpus.source());
    }

    private MockHttpServletRequestBuilder newsroomSearch(String q) {
        return get("/api/v1/newsroom/search").param("q", q).param("source", corpus.source());
    }

    private JsonNode suggest(String q) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/search/suggest").param("q", q))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private JsonNode body(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private List<Long> ids(MockHttpServletRequestBuilder request) throws Exception {
        List<Long> ids = new ArrayList<>();
        body(request).get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private List<String> keys(MockHttpServletRequestBuilder request) throws Exception {
        return keys(body(request));
    }

    private List<String> keys(JsonNode body) {
        List<String> found = new ArrayList<>();
        body.get("items").forEach(item -> found.add(corpus.key(item.get("id").asLong())));
        return found;
    }

    private static String withoutMarks(String highlight) {
        return highlight.replace("<mark>", "").replace("</mark>", "");
    }
}
