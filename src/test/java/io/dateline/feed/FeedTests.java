package io.dateline.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.dateline.IntegrationTest;
import io.dateline.QueryCounting;
import io.dateline.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class FeedTests {

    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TestSecurity.Tokens tokens;

    FeedFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new FeedFixtures(jdbc, events);
    }

    @Test
    void combinesEveryFilter() throws Exception {
        long world = fixtures.topic("World");
        long sports = fixtures.topic("Sports");
        long science = fixtures.topic("Science");
        long a = fixtures.article("A", "en", "MOSCOW", T0.plusSeconds(10), world);
        long b = fixtures.article("B", "ru", "MOSCOW", T0.plusSeconds(20), world, sports);
        long c = fixtures.article("C", "en", "LONDON", T0.plusSeconds(30), sports);
        long d = fixtures.article("D", "en", "MOSCOW", T0.plusSeconds(40), science);
        long e = fixtures.article("E", "en", "Moscow", T0.plusSeconds(50), world, science);
        fixtures.article("draft", "en", "MOSCOW", "DRAFT", null, world);
        fixtures.article("scheduled", "en", "MOSCOW", Instant.now().plus(Duration.ofDays(1)), world);
        String w = fixtures.slugOf(world);
        String s = fixtures.slugOf(sports);
        String sc = fixtures.slugOf(science);

        assertThat(ids(stream())).containsExactly(e, d, c, b, a);
        assertThat(ids(stream().param("topic", w))).containsExactly(e, b, a);
        assertThat(ids(stream().param("topic", w, s))).containsExactly(e, c, b, a);
        assertThat(ids(stream().param("excludeTopic", s))).containsExactly(e, d, a);
        assertThat(ids(stream().param("topic", w).param("excludeTopic", sc))).containsExactly(b, a);
        assertThat(ids(stream().param("language", "ru"))).containsExactly(b);
        assertThat(ids(stream().param("language", "ru", "en").param("topic", s)))
                .containsExactly(c, b);
        assertThat(ids(stream().param("dateline", "moscow"))).containsExactly(e, d, b, a);
        assertThat(ids(stream()
                        .param("since", T0.plusSeconds(20).toString())
                        .param("until", T0.plusSeconds(50).toString())))
                .containsExactly(d, c, b);
        assertThat(ids(stream().param("topic", w).param("language", "en").param("dateline", "MOSCOW")))
                .containsExactly(e, a);
        assertThat(ids(stream().param("topic", w).param("excludeTopic", w))).isEmpty();
    }

    @Test
    void topicStreamIsTheStreamOfOneTopic() throws Exception {
        long world = fixtures.topic("World");
        long other = fixtures.topic("Other");
        long a = fixtures.article("A", "en", "MOSCOW", T0, world);
        fixtures.article("B", "en", "MOSCOW", T0.plusSeconds(5), other);
        long c = fixtures.article("C", "en", "MOSCOW", T0.plusSeconds(9), other, world);

        String body = mvc.perform(get("/api/v1/topics/" + fixtures.slugOf(world) + "/articles"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].topics[*].slug").isArray())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(ids(body)).containsExactly(c, a);
        mvc.perform(get("/api/v1/topics/no-such-topic-" + fixtures.tag + "/articles"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/topic-not-found"));
    }

    @Test
    void summariesCarryTheirTopicsAndLocalTime() throws Exception {
        long world = fixtures.topic("World");
        long sports = fixtures.topic("Sports");
        fixtures.article("Headline", "en", "MOSCOW", Instant.parse("2014-12-22T16:08:00Z"), world, sports);

        mvc.perform(stream())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].publishedAt").value("2014-12-22T19:08:00+03:00"))
                .andExpect(jsonPath("$.items[0].timeZone").value("Europe/Moscow"))
                .andExpect(jsonPath("$.items[0].topics[0].slug").value(fixtures.slugOf(world)))
                .andExpect(jsonPath("$.items[0].topics[0].primary").value(true))
                .andExpect(jsonPath("$.items[0].topics[1].slug").value(fixtures.slugOf(sports)))
                .andExpect(jsonPath("$.items[0].pageCount").value(1));
    }

    @Test
    void unknownTopicSlugIsNamed() throws Exception {
        mvc.perform(stream().param("topic", "no-such-" + fixtures.tag))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").exists());
    }

    @Test
    void walksEveryArticleExactlyOnceWhileTheStreamChanges() throws Exception {
        long topic = fixtures.topic("Walk");
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            // several articles share a publish time, so the id must break ties
            existing.add(fixtures.article("walk " + i, "en", "MOSCOW", T0.plusSeconds(i / 3), topic));
        }
        List<Long> expected = new ArrayList<>(existing);
        java.util.Collections.reverse(expected);
        Set<Long> unpublished = new HashSet<>();
        for (String slug : new String[] {null, fixtures.slugOf(topic)}) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                MockHttpServletRequestBuilder request = stream().param("limit", "17");
                if (slug != null) {
                    request.param("topic", slug);
                }
                if (cursor != null) {
                    request.param("cursor", cursor);
                }
                String body = mvc.perform(request)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                seen.addAll(ids(body));
                cursor = nextCursor(body);
                pages++;
                // between pages: a newer article arrives, one not yet seen is unpublished, one seen is edited
                fixtures.article(
                        "breaking " + pages, "en", "MOSCOW", Instant.now().minusSeconds(1), topic);
                Long victim = expected.stream()
                        .filter(id -> !seen.contains(id) && !unpublished.contains(id))
                        .skip(5)
                        .findFirst()
                        .orElse(null);
                if (victim != null) {
                    fixtures.unpublish(victim);
                    unpublished.add(victim);
                }
                fixtures.edit(seen.get(0));
            } while (cursor != null);

            assertThat(new LinkedHashSet<>(seen)).as("no duplicates").hasSameSizeAs(seen);
            List<Long> survivors =
                    expected.stream().filter(id -> !unpublished.contains(id)).toList();
            assertThat(seen.stream().filter(existing::contains).toList())
                    .as("every article that stayed published, once, in order")
                    .containsAll(survivors);
            assertThat(seen.stream().filter(survivors::contains).toList()).containsExactlyElementsOf(survivors);
            assertThat(pages).isGreaterThan(10);
        }
    }

    @Test
    void refusesForgedAndForeignCursors() throws Exception {
        long topic = fixtures.topic("Cursor");
        for (int i = 0; i < 5; i++) {
            fixtures.article("c " + i, "en", "MOSCOW", T0.plusSeconds(i), topic);
        }
        String cursor = JsonPath.read(
                mvc.perform(stream().param("limit", "2"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.nextCursor");

        mvc.perform(stream().param("limit", "2").param("cursor", cursor)).andExpect(status().isOk());
        mvc.perform(stream().param("limit", "2").param("cursor", cursor).param("language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-cursor"));
        mvc.perform(stream().param("cursor", cursor.substring(0, cursor.length() - 2) + "xx"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-cursor"));
        mvc.perform(stream().param("cursor", "not a cursor at all")).andExpect(status().isBadRequest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1e3"})
    void refusesLimitsOutOfRange(String limit) throws Exception {
        mvc.perform(stream().param("limit", limit))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void reportsEveryInvalidParameterInTheOrderOfTheParameters() throws Exception {
        mvc.perform(get("/api/v1/articles")
                        .param("source", "s".repeat(101))
                        .param("limit", "0")
                        .param("language", "en", "xyz"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("language[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("must be an ISO 639-1 code such as en"))
                .andExpect(jsonPath("$.errors[1].field").value("source"))
                .andExpect(jsonPath("$.errors[2].field").value("limit"))
                .andExpect(jsonPath("$.errors[2].message").value("must be greater than or equal to 1"));
    }

    @Test
    void splitsOneValueAtCommasAndTakesRepeatedOnesAsTheyCome() throws Exception {
        long world = fixtures.topic("Commas");
        long en = fixtures.article("en", "en", "MOSCOW", T0.plusSeconds(1), world);
        long ru = fixtures.article("ru", "ru", "MOSCOW", T0.plusSeconds(2), world);
        fixtures.article("de", "de", "MOSCOW", T0.plusSeconds(3), world);
        String slug = fixtures.slugOf(world);

        assertThat(ids(stream().param("topic", slug).param("language", "en,ru")))
                .containsExactly(ru, en);
        assertThat(ids(stream().param("topic", slug).param("language", "en", "ru")))
                .containsExactly(ru, en);
        assertThat(ids(stream().param("topic", slug).param("language", "").param("limit", "")))
                .hasSize(3);
    }

    @Test
    void refusesBadDatesAndLanguages() throws Exception {
        mvc.perform(stream().param("since", "yesterday")).andExpect(status().isBadRequest());
        mvc.perform(stream().param("since", "2024-02-01T00:00:00Z").param("until", "2024-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest());
        mvc.perform(stream().param("language", "english")).andExpect(status().isBadRequest());
    }

    @Test
    void answersAnUnchangedPageWith304() throws Exception {
        long topic = fixtures.topic("Etag");
        long id = fixtures.article("e", "en", "MOSCOW", T0, topic);
        String etag = mvc.perform(stream())
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Cache-Control", "max-age=15, public, stale-while-revalidate=30, stale-if-error=300"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        mvc.perform(stream().header("If-None-Match", etag)).andExpect(status().isNotModified());

        fixtures.edit(id);
        mvc.perform(stream().header("If-None-Match", etag)).andExpect(status().isOk());
    }

    @Test
    void readersKeepTheirOwnPreferences() throws Exception {
        long world = fixtures.topic("World");
        String a = tokens.reader();
        String b = tokens.reader();

        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + a)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(preferences(true, fixtures.slugOf(world), null, "en")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.followedTopics[0]").value(fixtures.slugOf(world)));

        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + a))
                .andExpect(jsonPath("$.filterEnabled").value(true))
                .andExpect(jsonPath("$.followedTopics[0]").value(fixtures.slugOf(world)))
                .andExpect(jsonPath("$.languages[0]").value("en"));
        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + b))
                .andExpect(jsonPath("$.filterEnabled").value(false))
                .andExpect(jsonPath("$.followedTopics").isEmpty());
        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + b)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(preferences(false, null, null, null)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + a))
                .andExpect(jsonPath("$.filterEnabled").value(true));
    }

    @Test
    void preferencesRejectUnknownTopicsAndChangeNothing() throws Exception {
        long world = fixtures.topic("World");
        String reader = tokens.reader();
        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(preferences(true, fixtures.slugOf(world), null, null)))
                .andExpect(status().isOk());

        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(preferences(true, "no-such-topic-" + fixtures.tag, null, null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no-such-topic-")));
        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(preferences(true, fixtures.slugOf(world), fixtures.slugOf(world), null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/conflicting-preferences"));
        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filterEnabled\": true, \"languages\": [\"english\"]}"))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + reader))
                .andExpect(jsonPath("$.followedTopics[0]").value(fixtures.slugOf(world)));
        mvc.perform(get("/api/v1/me/preferences")).andExpect(status().isUnauthorized());
    }

    @Test
    void feedComposesFollowedMutedAndLanguages() throws Exception {
        long politics = fixtures.topic("Politics");
        long space = fixtures.topic("Space");
        long sports = fixtures.topic("Sports");
        long culture = fixtures.topic("Culture");
        long p1 = fixtures.article("p1", "en", "MOSCOW", T0.plusSeconds(1), politics);
        long s1 = fixtures.article("s1", "en", "MOSCOW", T0.plusSeconds(2), space);
        long ru = fixtures.article("ru", "ru", "MOSCOW", T0.plusSeconds(3), politics);
        long muted = fixtures.article("muted", "en", "MOSCOW", T0.plusSeconds(4), space, sports);
        long notFollowed = fixtures.article("culture", "en", "MOSCOW", T0.plusSeconds(5), culture);
        String reader = tokens.reader();
        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"filterEnabled\": true, \"followedTopics\": [\"%s\", \"%s\"], \"mutedTopics\": [\"%s\"], \"languages\": [\"en\"]}"
                                        .formatted(
                                                fixtures.slugOf(politics),
                                                fixtures.slugOf(space),
                                                fixtures.slugOf(sports))))
                .andExpect(status().isOk());

        String mine = mvc.perform(feed(reader))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=15, private"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ids(mine)).containsExactly(s1, p1);

        assertThat(ids(feed(reader).param("topic", fixtures.slugOf(space)))).containsExactly(s1);
        assertThat(ids(feed(reader).param("filter", "off"))).containsExactly(notFollowed, muted, ru, s1, p1);
        assertThat(ids(feed(null))).containsExactly(notFollowed, muted, ru, s1, p1);
    }

    @Test
    void feedWithoutFollowedTopicsShowsAllButMuted() throws Exception {
        long sports = fixtures.topic("Sports");
        long world = fixtures.topic("World");
        long w = fixtures.article("w", "en", "MOSCOW", T0.plusSeconds(1), world);
        fixtures.article("s", "en", "MOSCOW", T0.plusSeconds(2), sports);
        String reader = tokens.reader();
        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(preferences(true, null, fixtures.slugOf(sports), null)))
                .andExpect(status().isOk());

        assertThat(ids(feed(reader))).containsExactly(w);
    }

    @Test
    void pageCostsTheSameNumberOfStatementsWhateverItsSize() throws Exception {
        long a = fixtures.topic("Cost A");
        long b = fixtures.topic("Cost B");
        for (int i = 0; i < 40; i++) {
            long[] topics = i % 2 == 0 ? new long[] {a} : new long[] {b, a};
            fixtures.article("cost " + i, "en", "MOSCOW", T0.plusSeconds(i), topics);
        }
        // the first page after a write also reloads the topic catalogue held in memory
        mvc.perform(stream().param("limit", "3").param("topic", fixtures.slugOf(a)))
                .andExpect(status().isOk());
        long[] counts = new long[2];
        int[] sizes = {2, 40};
        for (int i = 0; i < sizes.length; i++) {
            QueryCounting.reset();
            mvc.perform(stream().param("limit", String.valueOf(sizes[i])).param("topic", fixtures.slugOf(a)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items.length()").value(sizes[i]));
            counts[i] = QueryCounting.statements();
        }

        assertThat(counts[1]).isEqualTo(counts[0]);
    }

    private MockHttpServletRequestBuilder stream() {
        return get("/api/v1/articles").param("source", fixtures.source());
    }

    private MockHttpServletRequestBuilder feed(String token) {
        MockHttpServletRequestBuilder request = get("/api/v1/feed").param("source", fixtures.source());
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private List<Long> ids(MockHttpServletRequestBuilder request) throws Exception {
        return ids(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static String nextCursor(String body) {
        java.util.Map<String, Object> page = JsonPath.read(body, "$");
        return (String) page.get("nextCursor");
    }

    private static List<Long> ids(String body) {
        List<Number> ids = JsonPath.read(body, "$.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private static String preferences(boolean enabled, String followed, String muted, String language) {
        return "{\"filterEnabled\": %s, \"followedTopics\": %s, \"mutedTopics\": %s, \"languages\": %s}"
                .formatted(enabled, list(followed), list(muted), list(language));
    }

    private static String list(String value) {
        return value == null ? "[]" : "[\"" + value + "\"]";
    }
}
