package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import of every partner's feed as a job. It has a feed stub of its own: a job imports every
 * partner that has a feed, so sharing another class's stub would add that class's headlines behind
 * its back. Its partner is removed afterwards, for the same reason.
 */
@IntegrationTest
class PartnerImportJobTests {

    private static final List<String> RUNNING = List.of("QUEUED", "RUNNING");

    static PartnerFeedStub stub;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestSecurity.Tokens tokens;

    String editor;

    SyndicationFixtures fixtures;

    Long partner;

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

    @AfterEach
    void removePartner() throws Exception {
        if (partner != null) {
            mvc.perform(delete("/api/v1/newsroom/partners/{id}", partner).header("Authorization", "Bearer " + editor))
                    .andExpect(status().isNoContent());
        }
    }

    @Test
    void importingEveryFeedIsAJobThatAddsHeadlinesOnceAndReportsItsProgress() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Shipping");
        partner = createPartner("Job Wire " + fixtures.tag, stub.url("/rss.xml"), topic.slug());

        JsonNode first = awaitEnd(startJob());

        // partners of other tests may point at stubs that are gone: those feeds fail on their own
        assertThat(first.get("kind").asString()).isEqualTo("partner-import");
        assertThat(first.get("state").asString()).isIn("SUCCEEDED", "FAILED");
        assertThat(first.at("/progress/total").asInt()).isPositive();
        assertThat(first.at("/progress/done").asInt())
                .isEqualTo(first.at("/progress/total").asInt());
        assertThat(first.at("/rows/inserted").asInt()).isGreaterThanOrEqualTo(3);
        mvc.perform(get("/api/v1/newsroom/partners/{id}", partner).header("Authorization", "Bearer " + editor))
                .andExpect(jsonPath("$.lastImport.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.lastImport.added").value(3));

        JsonNode second = awaitEnd(startJob());

        // the same feed again: its headlines are known, none is added twice
        assertThat(second.at("/rows/unchanged").asInt()).isGreaterThanOrEqualTo(3);
        mvc.perform(get("/api/v1/newsroom/partners/{id}", partner).header("Authorization", "Bearer " + editor))
                .andExpect(jsonPath("$.lastImport.added").value(0));
        mvc.perform(get("/api/v1/partner-news").param("topic", topic.slug()).param("limit", "50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(3));
    }

    @Test
    void jobsAreForEditors() throws Exception {
        mvc.perform(post("/api/v1/newsroom/partner-imports")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/newsroom/partner-imports").header("Authorization", "Bearer " + tokens.reader()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/newsroom/partner-imports")).andExpect(status().isUnauthorized());
    }

    private long createPartner(String name, String feedUrl, String topic) throws Exception {
        Map<String, Object> request =
                Map.of("name", name, "homepage", "https://job-wire.example.org", "feedUrl", feedUrl, "topic", topic);
        String body = mvc.perform(post("/api/v1/newsroom/partners")
                        .header("Authorization", "Bearer " + editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(request)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    /** Starts the job; one started by another test may still be running (one at a time): wait for it. */
    private String startJob() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            MockHttpServletResponse response = mvc.perform(
                            post("/api/v1/newsroom/partner-imports").header("Authorization", "Bearer " + editor))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() == 202) {
                return response.getHeader("Location");
            }
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(409);
            assertThat(System.nanoTime()).as("waiting for the running import").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private JsonNode awaitEnd(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode job = json.readTree(mvc.perform(get(location).header("Authorization", "Bearer " + editor))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            if (!RUNNING.contains(job.get("state").asString())) {
                return job;
            }
            assertThat(System.nanoTime()).as("waiting for " + job).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
