package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.dateline.article.ArticleFixtures.Created;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ArticleWorkflowTests {

    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    ArticleFixtures fixtures;

    String editor;

    String topic;

    @BeforeEach
    void setUp() {
        String token = tokens.editor();
        editor = "Bearer " + token;
        fixtures = new ArticleFixtures(mvc, json, token);
        topic = fixtures.topic();
    }

    @Test
    void fullWorkflowFromDraftToArchive() throws Exception {
        String headline = ArticleFixtures.unique("Workflow");
        Map<String, Object> request = fixtures.request(headline, topic);
        request.put("timeZone", "Europe/Moscow");

        // draft
        MvcResult created = mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/newsroom/articles/")))
                .andExpect(header().string("ETag", startsWith("\"")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(1))
                .andReturn();
        long id = json.readTree(created.getResponse().getContentAsString())
                .get("id")
                .asLong();
        mvc.perform(get("/api/v1/articles/{id}", id)).andExpect(status().isNotFound());

        // publish and read
        mvc.perform(post("/api/v1/newsroom/articles/{id}/publish", id).header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/v1/articles/{id}", id))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Cache-Control", "max-age=60, public, stale-while-revalidate=30, stale-if-error=300"))
                .andExpect(header().exists("Last-Modified"))
                .andExpect(header().string("ETag", startsWith("W/\"" + id + "-2-")))
                .andExpect(jsonPath("$.headline").value(headline))
                .andExpect(jsonPath("$.publishedAt").value(containsString("+03:00")))
                .andExpect(jsonPath("$.timeZone").value("Europe/Moscow"))
                .andExpect(jsonPath("$.pageCount").value(1))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.html").value("<p>Body of " + headline + "</p>"))
                .andExpect(jsonPath("$.topics[0].slug").value(topic))
                .andExpect(jsonPath("$.topics[0].primary").value(true));

        // edit
        String etag = fixtures.editorView(id).etag();
        mvc.perform(patch("/api/v1/newsroom/articles/{id}", id)
                        .header("Authorization", editor)
                        .header("If-Match", etag)
                        .contentType(MERGE_PATCH)
                        .content("{\"lead\": \"A corrected lead\", \"byline\": null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lead").value("A corrected lead"))
                .andExpect(jsonPath("$.byline").doesNotExist())
                .andExpect(jsonPath("$.headline").value(headline))
                .andExpect(jsonPath("$.version").value(3));
        mvc.perform(get("/api/v1/articles/{id}", id))
                .andExpect(jsonPath("$.lead").value("A corrected lead"));

        // revisions
        mvc.perform(get("/api/v1/newsroom/articles/{id}/revisions", id).header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[0].version").value(3))
                .andExpect(jsonPath("$.items[0].action").value("UPDATED"))
                .andExpect(jsonPath("$.items[1].action").value("PUBLISHED"))
                .andExpect(jsonPath("$.items[2].action").value("CREATED"))
                .andExpect(jsonPath("$.items[0].editor").isNotEmpty());
        mvc.perform(get("/api/v1/newsroom/articles/{id}/revisions/{v}", id, 2).header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.snapshot.lead").value("A lead for " + headline))
                .andExpect(jsonPath("$.snapshot.byline").value("Test Desk"))
                .andExpect(jsonPath("$.snapshot.status").value("PUBLISHED"));

        // restore
        mvc.perform(post("/api/v1/newsroom/articles/{id}/revisions/{v}/restore", id, 2)
                        .header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lead").value("A lead for " + headline))
                .andExpect(jsonPath("$.byline").value("Test Desk"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(4));
        mvc.perform(get("/api/v1/newsroom/articles/{id}/revisions", id).header("Authorization", editor))
                .andExpect(jsonPath("$.items[0].action").value("RESTORED"));
        mvc.perform(get("/api/v1/articles/{id}", id))
                .andExpect(jsonPath("$.lead").value("A lead for " + headline));

        // unpublish
        mvc.perform(post("/api/v1/newsroom/articles/{id}/unpublish", id).header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/api/v1/articles/{id}", id)).andExpect(status().isNotFound());

        // archive
        mvc.perform(delete("/api/v1/newsroom/articles/{id}", id).header("Authorization", editor))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/articles/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/newsroom/articles/{id}", id).header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ARCHIVED"));
        mvc.perform(get("/api/v1/newsroom/articles").param("status", "ARCHIVED").header("Authorization", editor))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        mvc.perform(get("/api/v1/newsroom/articles/{id}/revisions", id).header("Authorization", editor))
                .andExpect(jsonPath("$.items", hasSize(6)))
                .andExpect(jsonPath("$.items[0].action").value("ARCHIVED"))
                .andExpect(jsonPath("$.items[1].action").value("UNPUBLISHED"));
    }

    @Test
    void publicReadsHideDraftsScheduledAndArchivedArticlesLikeMissingOnes() throws Exception {
        Created draft = fixtures.draft(topic);
        Created scheduled = fixtures.draft(topic);
        fixtures.publish(scheduled.id(), OffsetDateTime.now().plusDays(1));
        Created archived = fixtures.published(topic);
        mvc.perform(delete("/api/v1/newsroom/articles/{id}", archived.id()).header("Authorization", editor))
                .andExpect(status().isNoContent());

        for (Created hidden : List.of(draft, scheduled, archived)) {
            for (String path : List.of(String.valueOf(hidden.id()), hidden.slug())) {
                mvc.perform(get("/api/v1/articles/{key}", path))
                        .andExpect(status().isNotFound())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.type").value("/problems/article-not-found"));
            }
        }
        mvc.perform(get("/api/v1/articles/{id}", 999_999_999L))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/article-not-found"));
        MvcResult latest =
                mvc.perform(get("/api/v1/articles").param("limit", "100")).andReturn();
        assertThat(latest.getResponse().getContentAsString())
                .doesNotContain(draft.slug(), scheduled.slug(), archived.slug());
    }

    @Test
    void scheduledArticlesAreListedForEditorsAsScheduled() throws Exception {
        Created scheduled = fixtures.draft(topic);

        fixtures.publish(scheduled.id(), OffsetDateTime.now().plusDays(2));

        mvc.perform(get("/api/v1/newsroom/articles")
                        .param("status", "SCHEDULED")
                        .header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.items[?(@.id == " + scheduled.id() + ")].status")
                        .value(hasItem("SCHEDULED")));
        mvc.perform(get("/api/v1/newsroom/articles").param("status", "DRAFT").header("Authorization", editor))
                .andExpect(
                        jsonPath("$.items[?(@.id == " + scheduled.id() + ")]").isEmpty());
    }

    @Test
    void readByIdCarriesTheCanonicalSlugAndReadBySlugWorks() throws Exception {
        Created article = fixtures.published(topic);

        mvc.perform(get("/api/v1/articles/{id}", article.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(article.slug()))
                .andExpect(header().string("Link", "</api/v1/articles/" + article.slug() + ">; rel=\"canonical\""));
        mvc.perform(get("/api/v1/articles/{slug}", article.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(article.id()));
    }

    @Test
    void multiPageArticlesAreReadOnePageAtATime() throws Exception {
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("Two pages"), topic);
        request.remove("body");
        request.put("pages", List.of("<p>first</p>", "<p>second</p>"));
        Created article = fixtures.create(request);
        fixtures.publish(article.id(), null);

        mvc.perform(get("/api/v1/articles/{id}", article.id()).param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pageCount").value(2))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.html").value("<p>second</p>"));
        mvc.perform(get("/api/v1/articles/{id}", article.id()).param("page", "3"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/page-not-found"));
        mvc.perform(get("/api/v1/articles/{id}", article.id()).param("page", "0"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void unchangedReadsAnswer304AndChangesInvalidateTheETag() throws Exception {
        Created article = fixtures.published(topic);
        MvcResult first =
                mvc.perform(get("/api/v1/articles/{id}", article.id())).andReturn();
        String etag = first.getResponse().getHeader("ETag");
        String lastModified = first.getResponse().getHeader("Last-Modified");

        mvc.perform(get("/api/v1/articles/{id}", article.id()).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(content().string(""));
        mvc.perform(get("/api/v1/articles/{id}", article.id()).header("If-Modified-Since", lastModified))
                .andExpect(status().isNotModified());

        String editorTag = fixtures.editorView(article.id()).etag();
        mvc.perform(patch("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", editor)
                        .header("If-Match", editorTag)
                        .contentType(MERGE_PATCH)
                        .content("{\"lead\": \"changed\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/articles/{id}", article.id()).header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lead").value("changed"));
    }

    @Test
    void relatedArticlesShowOnlyWhileThemselvesVisibleAndChangeTheETag() throws Exception {
        Created related = fixtures.published(topic);
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("With related"), topic);
        request.put("relatedArticleIds", List.of(related.id()));
        request.put(
                "externalLinks",
                List.of(Map.of("title", "Elsewhere", "url", "https://example.org/a", "sourceName", "Example")));
        Created article = fixtures.create(request);
        fixtures.publish(article.id(), null);
        MvcResult before = mvc.perform(get("/api/v1/articles/{id}", article.id()))
                .andExpect(jsonPath("$.related[0].id").value(related.id()))
                .andExpect(jsonPath("$.related[0].slug").value(related.slug()))
                .andExpect(jsonPath("$.externalLinks[0].url").value("https://example.org/a"))
                .andExpect(jsonPath("$.externalLinks[0].sourceName").value("Example"))
                .andReturn();

        mvc.perform(post("/api/v1/newsroom/articles/{id}/unpublish", related.id())
                        .header("Authorization", editor))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/articles/{id}", article.id())
                        .header("If-None-Match", before.getResponse().getHeader("ETag")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.related").isEmpty());
    }

    @Test
    void writesRequireIfMatch() throws Exception {
        Created article = fixtures.draft(topic);

        mvc.perform(patch("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", editor)
                        .contentType(MERGE_PATCH)
                        .content("{\"lead\": \"x\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/if-match-required"));
        mvc.perform(put("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(fixtures.request("x", topic))))
                .andExpect(status().isPreconditionRequired());
    }

    @Test
    void staleIfMatchIsRefusedWith412AndChangesNothing() throws Exception {
        Created article = fixtures.draft(topic);
        String stale = article.etag();
        mvc.perform(patch("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", editor)
                        .header("If-Match", stale)
                        .contentType(MERGE_PATCH)
                        .content("{\"lead\": \"first\"}"))
                .andExpect(status().isOk());

        mvc.perform(patch("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", editor)
                        .header("If-Match", stale)
                        .contentType(MERGE_PATCH)
                        .content("{\"lead\": \"second\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/stale-article"));
        mvc.perform(put("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", editor)
                        .header(
                                "If-Match",
                                "W/" + fixtures.editorView(article.id()).etag())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(fixtures.request("weak tags never match", topic))))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/v1/newsroom/articles/{id}/publish", article.id())
                        .header("Authorization", editor)
                        .header("If-Match", stale))
                .andExpect(status().isPreconditionFailed());

        assertThat(fixtures.editorView(article.id()).body().get("lead").asString())
                .isEqualTo("first");
    }

    @Test
    void putReplacesTheContentAndClearsAbsentMembers() throws Exception {
        Created article = fixtures.draft(topic);
        Map<String, Object> replacement = fixtures.request(ArticleFixtures.unique("Replaced"), topic);
        replacement.remove("byline");
        replacement.remove("body");
        replacement.put("pages", List.of("<p>one</p>", "<p>two</p>"));

        mvc.perform(put("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", editor)
                        .header("If-Match", article.etag())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(replacement)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + article.id() + "-2\""))
                .andExpect(jsonPath("$.headline").value(replacement.get("headline")))
                .andExpect(jsonPath("$.byline").doesNotExist())
                .andExpect(jsonPath("$.pages", hasSize(2)));
    }

    @Test
    void massAssignmentIsRejected() throws Exception {
        Created article = fixtures.draft(topic);
        Map<String, Object> withStatus = fixtures.request(ArticleFixtures.unique("Sneaky"), topic);
        withStatus.put("status", "PUBLISHED");

        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(withStatus)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/unknown-property"))
                .andExpect(jsonPath("$.property").value("status"));
        for (String member : List.of("id", "status", "version", "createdAt", "revisions", "slug", "publishedAt")) {
            mvc.perform(patch("/api/v1/newsroom/articles/{id}", article.id())
                            .header("Authorization", editor)
                            .header("If-Match", article.etag())
                            .contentType(MERGE_PATCH)
                            .content("{\"" + member + "\": \"2\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/read-only-property"))
                    .andExpect(jsonPath("$.property").value(member));
        }
        mvc.perform(patch("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", editor)
                        .header("If-Match", article.etag())
                        .contentType(MERGE_PATCH)
                        .content("{\"colour\": \"red\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/unknown-property"));

        assertThat(fixtures.editorView(article.id()).body().get("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void validationErrorsNameTheFields() throws Exception {
        Map<String, Object> request = fixtures.request("x".repeat(301), topic);
        request.put("lead", "y".repeat(1001));
        request.put("language", "english");
        request.put("timeZone", "+03:00");
        request.put("externalLinks", List.of(Map.of("title", "t", "url", "javascript:alert(1)")));

        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("headline")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lead")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("language")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("timeZone")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("externalLinks[0].url")));
    }

    @Test
    void pageAndPageCountLimitsAreValidated() throws Exception {
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("Pages"), topic);
        request.remove("body");
        request.put("pages", java.util.Collections.nCopies(21, "<p>p</p>"));
        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("pages")));

        request.put("pages", List.of("<p>ok</p>", "ж".repeat(102_401)));
        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("pages[1]")));

        request.put("pages", List.of());
        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("pages")));

        request.put("pages", List.of("<p>a</p>"));
        request.put("body", "<p>b</p>");
        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("body")));
    }

    @Test
    void oversizedRequestsAreRefusedWith413BeforeParsing() throws Exception {
        String huge = "{\"headline\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/payload-too-large"))
                .andExpect(jsonPath("$.status").value(413));
    }

    @Test
    void unknownTopicIsA422NamingIt() throws Exception {
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("Unknown topic"), topic);
        request.put("topics", List.of(topic, "no-such-topic-here"));

        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unknown-topic"))
                .andExpect(jsonPath("$.unknownTopics[0]").value("no-such-topic-here"))
                .andExpect(jsonPath("$.detail").value(containsString("no-such-topic-here")));
    }

    @Test
    void unknownRelatedArticleIsA422() throws Exception {
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("Unknown related"), topic);
        request.put("relatedArticleIds", List.of(987_654_321L));

        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.unknownArticleIds[0]").value(987_654_321L));
    }

    @Test
    void plainTextIsStoredAsGivenAndHtmlIsSanitized() throws Exception {
        String headline = ArticleFixtures.unique("Inflation <2% & rising");
        Map<String, Object> request = fixtures.request(headline, topic);
        request.put(
                "body",
                "<p onclick=\"steal()\">Text<script>alert(1)</script> <a href=\"javascript:alert(1)\">bad</a>"
                        + " <a href=\"https://example.org\">good</a></p>");

        Created article = fixtures.create(request);

        assertThat(article.body().get("headline").asString()).isEqualTo(headline);
        assertThat(article.body().get("pages").get(0).asString())
                .isEqualTo("<p>Text <a rel=\"nofollow noopener\">bad</a>"
                        + " <a href=\"https://example.org\" rel=\"nofollow noopener\">good</a></p>");
    }

    @Test
    void slugsAreTransliteratedAndSuffixedOnCollision() throws Exception {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> russian = fixtures.request("Лавров заявил " + suffix, topic);
        russian.put("language", "ru");

        Created first = fixtures.create(russian);
        Created second = fixtures.create(russian);
        Created third = fixtures.create(russian);

        assertThat(first.slug()).isEqualTo("lavrov-zayavil-" + suffix);
        assertThat(second.slug()).isEqualTo("lavrov-zayavil-" + suffix + "-2");
        assertThat(third.slug()).isEqualTo("lavrov-zayavil-" + suffix + "-3");
    }

    @Test
    void draftSlugsFollowTheHeadlineUntilPublished() throws Exception {
        Created draft = fixtures.draft(topic);
        String renamed = ArticleFixtures.unique("Renamed");

        mvc.perform(patch("/api/v1/newsroom/articles/{id}", draft.id())
                        .header("Authorization", editor)
                        .header("If-Match", draft.etag())
                        .contentType(MERGE_PATCH)
                        .content(fixtures.json(Map.of("headline", renamed))))
                .andExpect(jsonPath("$.slug").value(io.dateline.platform.Slugs.of(renamed, "article")));
        Created published = fixtures.publish(draft.id(), null);
        mvc.perform(patch("/api/v1/newsroom/articles/{id}", draft.id())
                        .header("Authorization", editor)
                        .header("If-Match", published.etag())
                        .contentType(MERGE_PATCH)
                        .content(fixtures.json(Map.of("headline", ArticleFixtures.unique("Again")))))
                .andExpect(jsonPath("$.slug").value(published.slug()));
    }

    @Test
    void idempotentPostReturnsTheSameResponseAndCreatesNothingNew() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("Idempotent"), topic);

        MvcResult first = mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isCreated())
                .andReturn();
        MvcResult retry = mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn();

        assertThat(retry.getResponse().getHeader("Location"))
                .isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(retry.getResponse().getHeader("ETag"))
                .isEqualTo(first.getResponse().getHeader("ETag"));
        assertThat(json.readTree(retry.getResponse().getContentAsString()))
                .isEqualTo(json.readTree(first.getResponse().getContentAsString()));
        mvc.perform(get("/api/v1/newsroom/articles")
                        .param("status", "DRAFT")
                        .param("limit", "100")
                        .header("Authorization", editor))
                .andExpect(jsonPath("$.items[?(@.headline == '" + request.get("headline") + "')]", hasSize(1)));

        request.put("lead", "a different body");
        mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/idempotency-key-reused"));
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("Per caller"), topic);

        String first = mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", editor)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String other = mvc.perform(post("/api/v1/newsroom/articles")
                        .header("Authorization", "Bearer " + tokens.editor())
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixtures.json(request)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");

        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void publishingIsVisibleAtOnceAndRepublishingKeepsTheTime() throws Exception {
        Created draft = fixtures.draft(topic);

        Created published = fixtures.publish(draft.id(), null);
        mvc.perform(get("/api/v1/articles/{id}", draft.id())).andExpect(status().isOk());
        Created again = fixtures.publish(draft.id(), null);

        assertThat(again.body().get("publishedAt")).isEqualTo(published.body().get("publishedAt"));
        assertThat(again.etag()).isEqualTo(published.etag());
    }

    @Test
    void archivedArticlesMustBeUnpublishedBeforePublishing() throws Exception {
        Created article = fixtures.published(topic);
        mvc.perform(delete("/api/v1/newsroom/articles/{id}", article.id()).header("Authorization", editor));

        mvc.perform(post("/api/v1/newsroom/articles/{id}/publish", article.id()).header("Authorization", editor))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/article-state"));
        mvc.perform(post("/api/v1/newsroom/articles/{id}/unpublish", article.id())
                        .header("Authorization", editor))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(post("/api/v1/newsroom/articles/{id}/publish", article.id()).header("Authorization", editor))
                .andExpect(status().isOk());
    }

    @Test
    void purgeDeletesForGoodAndRemovesLinksToTheArticle() throws Exception {
        Created doomed = fixtures.published(topic);
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("Links to doomed"), topic);
        request.put("relatedArticleIds", List.of(doomed.id()));
        Created linking = fixtures.create(request);

        mvc.perform(post("/api/v1/newsroom/articles/{id}/purge", doomed.id())
                        .header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/newsroom/articles/{id}", doomed.id()).header("Authorization", editor))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/newsroom/articles/{id}/revisions", doomed.id()).header("Authorization", editor))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/newsroom/articles/{id}", linking.id()).header("Authorization", editor))
                .andExpect(jsonPath("$.relatedArticleIds").isEmpty());
    }

    @Test
    void latestListsPublishedArticlesNewestFirstWithinTheLimit() throws Exception {
        Created older = fixtures.published(topic);
        Created newer = fixtures.published(topic);

        mvc.perform(get("/api/v1/articles").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Cache-Control", "max-age=15, public, stale-while-revalidate=30, stale-if-error=300"))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].id").value(newer.id()))
                .andExpect(jsonPath("$.items[1].id").value(older.id()))
                .andExpect(jsonPath("$.items[0].topics[0].slug").value(topic))
                .andExpect(jsonPath("$.items[0].pageCount").value(1));
        mvc.perform(get("/api/v1/articles").param("limit", "0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/articles").param("limit", "101")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/newsroom/articles").param("status", "BOGUS").header("Authorization", editor))
                .andExpect(status().isBadRequest());
    }

    @Test
    void primaryTopicDefaultsToTheFirstAndCanBeChosen() throws Exception {
        String second = fixtures.topic();
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("Two topics"), topic);
        request.put("topics", List.of(topic, second));
        request.put("primaryTopic", second);

        Created article = fixtures.create(request);
        assertThat(article.body().get("primaryTopic").asString()).isEqualTo(second);

        mvc.perform(patch("/api/v1/newsroom/articles/{id}", article.id())
                        .header("Authorization", editor)
                        .header("If-Match", article.etag())
                        .contentType(MERGE_PATCH)
                        .content(fixtures.json(Map.of("topics", List.of(topic)))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.primaryTopic").value(topic));
    }

    @Test
    void oldSnapshotsWithMembersTheCodeNoLongerKnowsStillRestore() throws Exception {
        Created draft = fixtures.draft(topic);
        jdbc.sql("update article_revision set snapshot = snapshot || '{\"retiredMember\": 1}' where article_id = ?")
                .param(draft.id())
                .update();

        mvc.perform(get("/api/v1/newsroom/articles/{id}/revisions/1", draft.id())
                        .header("Authorization", editor))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/newsroom/articles/{id}/revisions/1/restore", draft.id())
                        .header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
    }
}
