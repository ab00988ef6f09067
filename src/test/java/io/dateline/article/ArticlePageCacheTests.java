package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.QueryCounting;
import io.dateline.TestSecurity;
import io.dateline.topic.TopicService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The anonymous page cache and the in-memory tables behind it, end to end: what is answered without
 * SQL, and that each editorial change is visible to the very next anonymous request.
 */
@IntegrationTest
class ArticlePageCacheTests {

    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    TopicService topicService;

    @Autowired
    JdbcClient jdbc;

    ArticleFixtures fixtures;

    String topic;

    @BeforeEach
    void setUp() {
        fixtures = new ArticleFixtures(mvc, json, tokens.editor());
        topic = fixtures.topic();
    }

    private String read(String uri) throws Exception {
        return mvc.perform(get(uri))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long statementsOf(String uri) throws Exception {
        QueryCounting.reset();
        read(uri);
        return QueryCounting.statements();
    }

    @Test
    void aRepeatedAnonymousReadCostsNoSql() throws Exception {
        ArticleFixtures.Created article = fixtures.published(topic);
        String page = "/api/v1/topics/" + topic + "/articles?limit=5";
        String byId = "/api/v1/articles/" + article.id();

        read(page);
        read(byId);

        assertThat(statementsOf(page)).isZero();
        assertThat(statementsOf(byId)).isZero();
    }

    @Test
    void anEditedHeadlineIsVisibleToTheNextAnonymousRequest() throws Exception {
        ArticleFixtures.Created article = fixtures.published(topic);
        String byId = "/api/v1/articles/" + article.id();
        String stream = "/api/v1/topics/" + topic + "/articles";
        read(byId);
        read(stream);
        String edited = ArticleFixtures.unique("Corrected headline");

        mvc.perform(patch("/api/v1/newsroom/articles/" + article.id())
                        .header("Authorization", fixtures.bearer())
                        .header("If-Match", fixtures.editorView(article.id()).etag())
                        .contentType(MERGE_PATCH)
                        .content(json.writeValueAsString(Map.of("headline", edited))))
                .andExpect(status().isOk());

        mvc.perform(get(byId)).andExpect(jsonPath("$.headline").value(edited));
        mvc.perform(get(stream)).andExpect(jsonPath("$.items[0].headline").value(edited));
    }

    @Test
    void anUnpublishedArticleLeavesTheCachedPagesAtOnce() throws Exception {
        ArticleFixtures.Created article = fixtures.published(topic);
        String byId = "/api/v1/articles/" + article.id();
        read(byId);

        mvc.perform(post("/api/v1/newsroom/articles/" + article.id() + "/unpublish")
                        .header("Authorization", fixtures.bearer())
                        .header("If-Match", fixtures.editorView(article.id()).etag()))
                .andExpect(status().isOk());

        mvc.perform(get(byId)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/topics/" + topic + "/articles"))
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void aRequestWithAuthorizationIsNeverServedFromTheCache() throws Exception {
        ArticleFixtures.Created article = fixtures.published(topic);
        String byId = "/api/v1/articles/" + article.id();
        read(byId);

        QueryCounting.reset();
        mvc.perform(get(byId).header("Authorization", "Bearer " + tokens.reader()))
                .andExpect(status().isOk());

        assertThat(QueryCounting.statements()).isPositive();
    }

    @Test
    void aPersonalisedFeedIsNeverCached() throws Exception {
        long article = fixtures.published(topic).id();
        String reader = "Bearer " + tokens.reader();
        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of(
                                "filterEnabled", true, "followedTopics", List.of(), "mutedTopics", List.of(topic)))))
                .andExpect(status().isOk());
        // the same URL, anonymous, is cached with the article on it
        String onThePage = "$.items[?(@.id == " + article + ")]";
        mvc.perform(get("/api/v1/feed?limit=50")).andExpect(jsonPath(onThePage).isNotEmpty());
        mvc.perform(get("/api/v1/feed?limit=50")).andExpect(jsonPath(onThePage).isNotEmpty());

        mvc.perform(get("/api/v1/feed?limit=50").header("Authorization", reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath(onThePage).isEmpty());
    }

    @Test
    void aTopicRenamedIsVisibleToTheNextAnonymousRequest() throws Exception {
        read("/api/v1/topics/" + topic);
        String renamed = ArticleFixtures.unique("Renamed");

        mvc.perform(patch("/api/v1/newsroom/topics/" + topic)
                        .header("Authorization", fixtures.bearer())
                        .contentType(MERGE_PATCH)
                        .content(json.writeValueAsString(Map.of("name", renamed))))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/topics/" + topic)).andExpect(jsonPath("$.name").value(renamed));
        assertThat(topicService.requireAll(List.of(topic)).get(0).name()).isEqualTo(renamed);
    }

    @Test
    void topicsAndTheirCountsAreAnsweredFromMemory() throws Exception {
        fixtures.published(topic);
        topicService.requireAll(List.of(topic));
        read("/api/v1/topics");

        QueryCounting.reset();
        topicService.requireAll(List.of(topic));
        topicService.findAllById(List.of(topicService.find(topic).orElseThrow().id()));

        assertThat(QueryCounting.statements()).isZero();
        mvc.perform(get("/api/v1/topics/" + topic))
                .andExpect(jsonPath("$.articleCount").value(1));
    }

    @Test
    void aTopicCreatedByAnotherInstanceIsFoundThoughTheCatalogueInMemoryPredatesIt() {
        topicService.requireAll(List.of(topic));
        String other = topic + "-elsewhere";
        jdbc.sql("insert into topic (slug, name, created_at, updated_at) values (:slug, :slug, now(), now())")
                .param("slug", other)
                .update();

        assertThat(topicService.requireAll(List.of(topic, other)))
                .extracting(ref -> ref.slug())
                .containsExactly(topic, other);
    }
}
