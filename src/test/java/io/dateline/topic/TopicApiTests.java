package io.dateline.topic;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class TopicApiTests {

    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JsonMapper json;

    String editor;

    String suffix;

    @BeforeEach
    void setUp() {
        editor = "Bearer " + tokens.editor();
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsATopicWithASlugFromItsName() throws Exception {
        mvc.perform(post("/api/v1/newsroom/topics")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("name", "Наука и космос " + suffix, "position", 55))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/topics/nauka-i-kosmos-" + suffix))
                .andExpect(jsonPath("$.slug").value("nauka-i-kosmos-" + suffix))
                .andExpect(jsonPath("$.name").value("Наука и космос " + suffix))
                .andExpect(jsonPath("$.position").value(55))
                .andExpect(jsonPath("$.articleCount").value(0));
    }

    @Test
    void generatedSlugsAreSuffixedButChosenSlugsMustBeFree() throws Exception {
        String name = "Sports " + suffix;
        String first = create(Map.of("name", name));
        String second = create(Map.of("name", name));

        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first + "-2");
        mvc.perform(post("/api/v1/newsroom/topics")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("name", "Other", "slug", first))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/topic-slug-taken"));
        mvc.perform(post("/api/v1/newsroom/topics")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("name", "Other", "slug", "Not A Slug"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("slug"));
    }

    @Test
    void listsTopicsInOrderWithParentsAndPublishedCounts() throws Exception {
        String parent = create(Map.of("name", "Section " + suffix, "position", 1));
        String child = create(Map.of("name", "Child " + suffix, "parent", parent, "position", 2));
        long articleId = publishedArticle(child);
        draftArticle(child);

        mvc.perform(get("/api/v1/topics"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Cache-Control", "max-age=60, public, stale-while-revalidate=30, stale-if-error=300"))
                .andExpect(header().exists("ETag"))
                .andExpect(
                        jsonPath("$.items[?(@.slug == '" + child + "')].parent").value(hasItem(parent)))
                .andExpect(jsonPath("$.items[?(@.slug == '" + child + "')].articleCount")
                        .value(hasItem(1)))
                .andExpect(jsonPath("$.items[?(@.slug == '" + parent + "')].articleCount")
                        .value(hasItem(0)));
        mvc.perform(get("/api/v1/topics/{slug}", child))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.articleCount").value(1));
        org.assertj.core.api.Assertions.assertThat(articleId).isPositive();
    }

    @Test
    void unchangedTopicListAnswers304() throws Exception {
        create(Map.of("name", "Cached " + suffix));
        String etag =
                mvc.perform(get("/api/v1/topics")).andReturn().getResponse().getHeader("ETag");

        mvc.perform(get("/api/v1/topics").header("If-None-Match", etag)).andExpect(status().isNotModified());
    }

    @Test
    void unknownTopicIs404Problem() throws Exception {
        mvc.perform(get("/api/v1/topics/{slug}", "no-such-topic-" + suffix))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/topic-not-found"));
    }

    @Test
    void patchChangesNameAndParentButNotTheSlug() throws Exception {
        String topic = create(Map.of("name", "Patchable " + suffix));
        String parent = create(Map.of("name", "New parent " + suffix));

        mvc.perform(patch("/api/v1/newsroom/topics/{slug}", topic)
                        .header("Authorization", editor)
                        .contentType(MERGE_PATCH)
                        .content(json(Map.of("name", "Renamed " + suffix, "parent", parent))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(topic))
                .andExpect(jsonPath("$.name").value("Renamed " + suffix))
                .andExpect(jsonPath("$.parent").value(parent));
        mvc.perform(patch("/api/v1/newsroom/topics/{slug}", topic)
                        .header("Authorization", editor)
                        .contentType(MERGE_PATCH)
                        .content("{\"slug\": \"other\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/read-only-property"));
        mvc.perform(patch("/api/v1/newsroom/topics/{slug}", topic)
                        .header("Authorization", editor)
                        .contentType(MERGE_PATCH)
                        .content("{\"name\": null}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aTopicCannotBecomeItsOwnAncestor() throws Exception {
        String parent = create(Map.of("name", "Ancestor " + suffix));
        String child = create(Map.of("name", "Descendant " + suffix, "parent", parent));

        mvc.perform(patch("/api/v1/newsroom/topics/{slug}", parent)
                        .header("Authorization", editor)
                        .contentType(MERGE_PATCH)
                        .content(json(Map.of("parent", child))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/topic-cycle"));
    }

    @Test
    void deletingATopicWithArticlesNeedsAReassignment() throws Exception {
        String doomed = create(Map.of("name", "Doomed " + suffix));
        String heir = create(Map.of("name", "Heir " + suffix));
        String both = create(Map.of("name", "Both " + suffix));
        long onlyDoomed = publishedArticle(doomed);
        long inBoth = articleIn(List.of(doomed, heir), doomed);
        draftArticle(both);

        mvc.perform(delete("/api/v1/newsroom/topics/{slug}", doomed).header("Authorization", editor))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/topic-in-use"))
                .andExpect(jsonPath("$.articleCount").value(2));
        mvc.perform(delete("/api/v1/newsroom/topics/{slug}", doomed)
                        .param("reassignTo", "no-such-" + suffix)
                        .header("Authorization", editor))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(delete("/api/v1/newsroom/topics/{slug}", doomed)
                        .param("reassignTo", heir)
                        .header("Authorization", editor))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/topics/{slug}", doomed)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/newsroom/articles/{id}", onlyDoomed).header("Authorization", editor))
                .andExpect(jsonPath("$.topics", contains(heir)))
                .andExpect(jsonPath("$.primaryTopic").value(heir));
        mvc.perform(get("/api/v1/newsroom/articles/{id}", inBoth).header("Authorization", editor))
                .andExpect(jsonPath("$.topics", contains(heir)))
                .andExpect(jsonPath("$.primaryTopic").value(heir));
        // onlyDoomed (published) and inBoth (a draft) are now filed under heir
        mvc.perform(get("/api/v1/topics/{slug}", heir))
                .andExpect(jsonPath("$.articleCount").value(1));
    }

    @Test
    void deletingAParentMovesItsChildrenUp() throws Exception {
        String grandparent = create(Map.of("name", "Grandparent " + suffix));
        String parent = create(Map.of("name", "Parent " + suffix, "parent", grandparent));
        String child = create(Map.of("name", "Child " + suffix, "parent", parent));

        mvc.perform(delete("/api/v1/newsroom/topics/{slug}", parent).header("Authorization", editor))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/topics/{slug}", child))
                .andExpect(jsonPath("$.parent").value(grandparent));
    }

    private String create(Map<String, Object> request) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/newsroom/topics")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(request)))
                .andExpect(status().isCreated())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString())
                .get("slug")
                .asString();
    }

    private long draftArticle(String topic) throws Exception {
        return articleIn(List.of(topic), topic);
    }

    private long publishedArticle(String topic) throws Exception {
        long id = draftArticle(topic);
        mvc.perform(post("/api/v1/newsroom/articles/{id}/publish", id).header("Authorization", editor))
                .andExpect(status().isOk());
        return id;
    }

    private long articleIn(List<String> topics, String primary) throws Exception {
        Map<String, Object> request = Map.of(
                "headline",
                "Article " + UUID.randomUUID(),
                "body",
                "<p>text</p>",
                "language",
                "en",
                "topics",
                topics,
                "primaryTopic",
                primary);
        MvcResult result = mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(request)))
                .andExpect(status().isCreated())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString())
                .get("id")
                .asLong();
    }

    private String json(Object value) {
        return json.writeValueAsString(value);
    }
}
