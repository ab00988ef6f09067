package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PartnerNewsTests {

    static PartnerFeedStub stub;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    String editor;

    SyndicationFixtures fixtures;

    @BeforeAll
    static void start() {
        stub = new PartnerFeedStub(Duration.ofMillis(10));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void tokens() {
        editor = tokens.editor();
        fixtures = new SyndicationFixtures(mvc, json, editor);
    }

    @Test
    void importingAFeedTwiceAddsItsHeadlinesOnce() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Markets");
        long partner = partner("Wire", stub.url("/rss.xml"), topic.slug());

        JsonNode first = importFeed(partner);
        JsonNode second = importFeed(partner);

        assertThat(first.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.get("added").asInt()).isEqualTo(3);
        assertThat(first.get("skipped").asInt()).isEqualTo(2);
        assertThat(second.get("added").asInt()).isZero();
        assertThat(second.get("known").asInt()).isEqualTo(3);
        JsonNode items =
                page(get("/api/v1/partner-news").param("topic", topic.slug())).get("items");
        assertThat(urls(items))
                .containsExactly(
                        "https://wire.example.org/" + stub.tag + "/rates",
                        "https://wire.example.org/" + stub.tag + "/grain",
                        "http://127.0.0.1:" + port() + "/" + stub.tag + "/relative");
        assertThat(items.get(0).get("title").asString()).isEqualTo("Центробанк сохранил ключевую ставку");
        assertThat(items.get(0).get("publishedAt").asString()).isEqualTo("2024-05-01T07:15:00Z");
        assertThat(items.get(1).get("title").asString()).isEqualTo("Grain exports & prices: record month");
        assertThat(items.get(0).get("partner").get("id").asLong()).isEqualTo(partner);
        assertThat(items.get(0).get("topic").get("slug").asString()).isEqualTo(topic.slug());
        mvc.perform(get("/api/v1/newsroom/partners/{id}", partner).header("Authorization", "Bearer " + editor))
                .andExpect(jsonPath("$.lastImport.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.lastImport.added").value(0));
    }

    @Test
    void importsAtomAndNeverKeepsNonHttpLinks() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Reviews");
        long partner = partner("Review", stub.url("/atom.xml"), topic.slug());

        JsonNode result = importFeed(partner);

        assertThat(result.get("added").asInt()).isEqualTo(2);
        assertThat(result.get("skipped").asInt()).isEqualTo(1);
        JsonNode items =
                page(get("/api/v1/partner-news").param("topic", topic.slug())).get("items");
        assertThat(urls(items))
                .containsExactly(
                        "https://review.example.net/" + stub.tag + "/markets",
                        "https://review.example.net/" + stub.tag + "/updated-only");
        assertThat(items.get(0).get("title").asString()).isEqualTo("Markets rally after talks");
        assertThat(items.toString()).doesNotContain("data:", "javascript:");
    }

    @Test
    void aBrokenFeedChangesNothingAndIsReported() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Broken");
        long partner = partner("Broken", stub.url("/malformed.xml"), topic.slug());
        double failuresBefore = failures();

        JsonNode malformed = importFeed(partner);
        patchPartner(partner, Map.of("feedUrl", stub.url("/error")));
        JsonNode error = importFeed(partner);

        assertThat(malformed.get("status").asString()).isEqualTo("FAILED");
        assertThat(malformed.get("error").asString()).isEqualTo("not a well-formed RSS or Atom document");
        assertThat(error.get("error").asString()).isEqualTo("the feed could not be fetched");
        assertThat(page(get("/api/v1/partner-news").param("topic", topic.slug()))
                        .get("items"))
                .isEmpty();
        mvc.perform(get("/api/v1/newsroom/partners/{id}", partner).header("Authorization", "Bearer " + editor))
                .andExpect(jsonPath("$.lastImport.status").value("FAILED"))
                .andExpect(jsonPath("$.lastImport.error").value("the feed could not be fetched"))
                .andExpect(jsonPath("$.lastImport.at").isNotEmpty());
        assertThat(failures()).isEqualTo(failuresBefore + 2);
    }

    @Test
    void aPartnerWithoutAFeedCannotBeImported() throws Exception {
        long partner = partner("Print only", null, null);

        mvc.perform(post("/api/v1/newsroom/partners/{id}/import", partner).header("Authorization", "Bearer " + editor))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/partner-without-feed"));
    }

    @Test
    void editorsAddHeadlinesAndARepeatedUrlReturnsTheFirst() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Typed");
        long partner = partner("Typed", null, null);
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("partnerId", partner);
        headline.put("title", "Typed in by an editor");
        headline.put("url", "https://typed.example.org/" + fixtures.tag);
        headline.put("publishedAt", "2024-05-01T10:00:00+03:00");
        headline.put("topic", topic.slug());

        long id = json.readTree(mvc.perform(asEditor(post("/api/v1/partner-news"), headline))
                        .andExpect(status().isCreated())
                        .andExpect(
                                header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/partner-news/")))
                        .andExpect(jsonPath("$.publishedAt").value("2024-05-01T07:00:00Z"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asLong();
        headline.put("title", "Sent again");
        mvc.perform(asEditor(post("/api/v1/partner-news"), headline))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.title").value("Typed in by an editor"));

        mvc.perform(delete("/api/v1/partner-news/{id}", id).header("Authorization", "Bearer " + editor))
                .andExpect(status().isNoContent());
        assertThat(page(get("/api/v1/partner-news").param("topic", topic.slug()))
                        .get("items"))
                .isEmpty();
    }

    @Test
    void aHeadlineOfAPartnerWithoutATopicHasNoTopic() throws Exception {
        long partner = partner("Topicless", null, null);

        mvc.perform(asEditor(
                        post("/api/v1/partner-news"),
                        Map.of(
                                "partnerId",
                                partner,
                                "title",
                                "Filed under nothing",
                                "url",
                                "https://topicless.example.org/" + fixtures.tag)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.topic").doesNotExist());
    }

    @Test
    void onlyHttpUrlsAreAccepted() throws Exception {
        long partner = partner("Strict", null, null);

        mvc.perform(asEditor(
                        post("/api/v1/partner-news"),
                        Map.of("partnerId", partner, "title", "x", "url", "javascript:alert(1)")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        mvc.perform(asEditor(
                        post("/api/v1/newsroom/partners"),
                        Map.of("name", "Bad " + fixtures.tag, "homepage", "data:text/html,x")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void feedUrlsOnInternalAddressesOrOtherPortsAreRefusedWhenSaved() throws Exception {
        // the test configuration allow-lists loopback for the stubs; everything else internal is refused
        List<String> internal = List.of(
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.5/rss.xml",
                "http://[::ffff:192.168.0.1]/rss.xml",
                "http://[fd00::1]/rss.xml",
                "http://100.64.0.1/rss.xml",
                "http://news.example.org:6379/");
        for (String feedUrl : internal) {
            mvc.perform(asEditor(
                            post("/api/v1/newsroom/partners"),
                            Map.of(
                                    "name",
                                    "Internal " + fixtures.tag,
                                    "homepage",
                                    "https://x.example.org",
                                    "feedUrl",
                                    feedUrl)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("feedUrl"))
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("internal"))));
        }
        long partner = partner("Later internal", null, null);

        mvc.perform(patch("/api/v1/newsroom/partners/{id}", partner)
                        .header("Authorization", "Bearer " + editor)
                        .contentType("application/merge-patch+json")
                        .content("{\"feedUrl\": \"http://169.254.169.254/\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("feedUrl"));
        mvc.perform(get("/api/v1/newsroom/partners/{id}", partner).header("Authorization", "Bearer " + editor))
                .andExpect(jsonPath("$.feedUrl").doesNotExist());
    }

    @Test
    void partnerNewsIsPagedWithCursorsAndCached() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Paged");
        long partner = partner("Paged", null, topic.slug());
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String url = "https://paged.example.org/" + fixtures.tag + "/" + i;
            mvc.perform(asEditor(
                            post("/api/v1/partner-news"),
                            Map.of(
                                    "partnerId",
                                    partner,
                                    "title",
                                    "Headline " + i,
                                    "url",
                                    url,
                                    "publishedAt",
                                    "2024-05-0" + (i + 1) + "T10:00:00Z")))
                    .andExpect(status().isCreated());
            added.add(0, url);
        }

        JsonNode first =
                page(get("/api/v1/partner-news").param("topic", topic.slug()).param("limit", "2"));
        JsonNode second = page(get("/api/v1/partner-news")
                .param("topic", topic.slug())
                .param("limit", "2")
                .param("cursor", first.get("nextCursor").asString()));
        JsonNode third = page(get("/api/v1/partner-news")
                .param("topic", topic.slug())
                .param("limit", "2")
                .param("cursor", second.get("nextCursor").asString()));

        List<String> walked = new ArrayList<>(urls(first.get("items")));
        walked.addAll(urls(second.get("items")));
        walked.addAll(urls(third.get("items")));
        assertThat(walked).isEqualTo(added);
        assertThat(third.has("nextCursor")).isFalse();
        mvc.perform(get("/api/v1/partner-news")
                        .param("cursor", first.get("nextCursor").asString()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/partner-news").param("topic", "no-such-topic-" + fixtures.tag))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/partner-news").param("limit", "0")).andExpect(status().isBadRequest());

        String etag = mvc.perform(get("/api/v1/partner-news").param("topic", topic.slug()))
                .andExpect(header().string(
                                "Cache-Control", "max-age=15, public, stale-while-revalidate=30, stale-if-error=300"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(get("/api/v1/partner-news").param("topic", topic.slug()).header("If-None-Match", etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void theScheduledImportIsOffByDefault() {
        assertThat(context.getBeanProvider(PartnerImportSchedule.class).getIfAvailable())
                .isNull();
    }

    @Test
    void partnersAreForEditors() throws Exception {
        mvc.perform(get("/api/v1/newsroom/partners")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/newsroom/partners").header("Authorization", "Bearer " + tokens.reader()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/newsroom/partners")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"homepage\":\"https://x.example.org\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/partner-news")
                        .header("Authorization", "Bearer " + tokens.reader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/partner-news")).andExpect(status().isOk());
    }

    @Test
    void partnersAreEditedWithMergePatchesAndRemovedWithTheirHeadlines() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Removed");
        long partner = partner("Removed", stub.url("/rss.xml"), topic.slug());
        importFeed(partner);

        mvc.perform(patch("/api/v1/newsroom/partners/{id}", partner)
                        .header("Authorization", "Bearer " + editor)
                        .contentType("application/merge-patch+json")
                        .content("{\"name\": \"Renamed " + fixtures.tag + "\", \"feedUrl\": null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed " + fixtures.tag))
                .andExpect(jsonPath("$.feedUrl").doesNotExist())
                .andExpect(jsonPath("$.homepage").value("https://removed.example.org"));
        mvc.perform(asEditor(
                        post("/api/v1/newsroom/partners"),
                        Map.of("name", "renamed " + fixtures.tag, "homepage", "https://x.example.org")))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/newsroom/partners/{id}", partner).header("Authorization", "Bearer " + editor))
                .andExpect(status().isNoContent());

        assertThat(page(get("/api/v1/partner-news").param("topic", topic.slug()))
                        .get("items"))
                .isEmpty();
        mvc.perform(get("/api/v1/newsroom/partners/{id}", partner).header("Authorization", "Bearer " + editor))
                .andExpect(status().isNotFound());
    }

    private long partner(String name, String feedUrl, String topic) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name + " " + fixtures.tag);
        request.put("homepage", "https://" + name.toLowerCase().replace(' ', '-') + ".example.org");
        if (feedUrl != null) {
            request.put("feedUrl", feedUrl);
        }
        if (topic != null) {
            request.put("topic", topic);
        }
        String body = mvc.perform(asEditor(post("/api/v1/newsroom/partners"), request))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private void patchPartner(long id, Map<String, Object> patch) throws Exception {
        mvc.perform(patch("/api/v1/newsroom/partners/{id}", id)
                        .header("Authorization", "Bearer " + editor)
                        .contentType("application/merge-patch+json")
                        .content(json.writeValueAsString(patch)))
                .andExpect(status().isOk());
    }

    private JsonNode importFeed(long partner) throws Exception {
        String body = mvc.perform(post("/api/v1/newsroom/partners/{id}/import", partner)
                        .header("Authorization", "Bearer " + editor))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private JsonNode page(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private MockHttpServletRequestBuilder asEditor(MockHttpServletRequestBuilder request, Object body) {
        return request.header("Authorization", "Bearer " + editor)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
    }

    private static List<String> urls(JsonNode items) {
        List<String> urls = new ArrayList<>();
        items.forEach(item -> urls.add(item.get("url").asString()));
        return urls;
    }

    private static int port() {
        return java.net.URI.create(stub.url("/")).getPort();
    }

    private double failures() {
        var counter = meters.find("dateline.partners.imports")
                .tag("outcome", "failed")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
