package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.dateline.media.MediaFixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class NinjsTests {

    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2024-05-01T10:15:30+03:00");

    static Schema ninjs;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestSecurity.Tokens tokens;

    SyndicationFixtures fixtures;

    @BeforeAll
    static void officialSchema() throws Exception {
        try (InputStream schema = NinjsTests.class.getResourceAsStream("/ninjs/ninjs-schema_2.2.json")) {
            ninjs = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(schema);
        }
    }

    @BeforeEach
    void fixtures() {
        fixtures = new SyndicationFixtures(mvc, json, tokens.editor());
    }

    @Test
    void aOnePageArticleIsValidNinjs() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Politics");
        Map<String, Object> request =
                fixtures.article("Парламент принял бюджет " + fixtures.tag, List.of("<p>Один абзац.</p>"), topic);
        SyndicationFixtures.Article article = fixtures.published(request, PUBLISHED);

        JsonNode item = ninjs(get("/api/v1/articles/{id}", article.id()).accept("application/ninjs+json"));

        assertThat(ninjs.validate(item)).isEmpty();
        assertThat(item.get("uri").asString()).isEqualTo("urn:dateline:article:" + article.id());
        assertThat(item.get("type").asString()).isEqualTo("text");
        assertThat(item.get("pubstatus").asString()).isEqualTo("usable");
        assertThat(item.get("version").asString())
                .isEqualTo(article.editorView().get("version").asString());
        assertThat(item.get("language").asString()).isEqualTo("en");
        assertThat(item.get("headlines").get(0).get("value").asString()).isEqualTo(request.get("headline"));
        assertThat(item.get("descriptions").get(0).get("value").asString()).isEqualTo(request.get("lead"));
        assertThat(item.get("bodies")).hasSize(1);
        assertThat(item.get("bodies").get(0).get("contenttype").asString()).isEqualTo("text/html");
        assertThat(item.get("bodies").get(0).get("value").asString()).isEqualTo("<p>Один абзац.</p>");
        assertThat(item.get("bodies").get(0).get("wordcount").asInt()).isEqualTo(2);
        assertThat(item.get("subjects").get(0).get("name").asString()).isEqualTo(topic.name());
        assertThat(item.get("subjects").get(0).get("literal").asString()).isEqualTo(topic.slug());
        assertThat(item.get("located").asString()).isEqualTo("MOSCOW");
        assertThat(item.get("by").asString()).isEqualTo("Test Desk");
        assertThat(item.get("renditions").get(0).get("href").asString())
                .isEqualTo("http://localhost:8080/news/" + article.slug());
        assertThat(item.has("associations")).isFalse();
    }

    @Test
    void aMultiPageArticleWithRelatedArticlesIsValidNinjs() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Science");
        SyndicationFixtures.Article related = fixtures.published(
                fixtures.article("Related " + fixtures.tag, List.of("<p>r</p>"), topic), PUBLISHED.minusDays(1));
        Map<String, Object> request = fixtures.article(
                "Three pages " + fixtures.tag,
                List.of("<p>Page <b>one</b>.</p>", "<p>Page two.</p>", "<p>Page three.</p>"),
                topic);
        request.put("relatedArticleIds", List.of(related.id()));
        SyndicationFixtures.Article article = fixtures.published(request, PUBLISHED);

        JsonNode item = ninjs(get("/api/v1/articles/{slug}", article.slug()).accept("application/ninjs+json"));

        assertThat(ninjs.validate(item)).isEmpty();
        String body = item.get("bodies").get(0).get("value").asString();
        assertThat(body).contains("Page <b>one</b>", "Page two.", "Page three.");
        assertThat(item.get("associations")).singleElement().satisfies(association -> {
            assertThat(association.get("name").asString()).isEqualTo("related-1");
            assertThat(association.get("uri").asString()).isEqualTo("urn:dateline:article:" + related.id());
            assertThat(association.get("headlines").get(0).get("value").asString())
                    .isEqualTo("Related " + fixtures.tag);
        });
    }

    @Test
    void anArticleWithPicturesIsValidNinjsWithPictureAssociations() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Pictures");
        Map<String, Object> request = fixtures.article("Pictured " + fixtures.tag, List.of("<p>p</p>"), topic);
        request.put("leadImageId", uploadImage(1000, 500));
        request.put("imageIds", List.of(uploadImage(300, 300)));
        SyndicationFixtures.Article article = fixtures.published(request, PUBLISHED);

        JsonNode item = ninjs(get("/api/v1/articles/{id}", article.id()).accept("application/ninjs+json"));

        assertThat(ninjs.validate(item)).isEmpty();
        assertThat(item.get("associations")).hasSize(2);
        JsonNode lead = item.get("associations").get(0);
        assertThat(lead.get("name").asString()).isEqualTo("featureimage");
        assertThat(lead.get("type").asString()).isEqualTo("picture");
        assertThat(lead.get("uri").asString())
                .startsWith("http://localhost:8080/media/")
                .endsWith("-1000.jpg");
        assertThat(lead.get("descriptions").get(0).get("value").asString()).isEqualTo("Ninjs caption");
        assertThat(lead.get("by").asString()).isEqualTo("Ninjs credit");
        assertThat(lead.get("renditions").findValues("width"))
                .extracting(JsonNode::asInt)
                .containsExactly(320, 640, 1000);
        assertThat(lead.get("renditions").findValues("height"))
                .extracting(JsonNode::asInt)
                .containsExactly(160, 320, 500);
        assertThat(lead.get("renditions").findValuesAsString("contenttype")).containsOnly("image/jpeg");
        assertThat(item.get("associations").get(1).get("name").asString()).isEqualTo("image-1");
    }

    private long uploadImage(int width, int height) throws Exception {
        String body = mvc.perform(multipart("/api/v1/newsroom/images")
                        .file(new MockMultipartFile("file", "p.png", "image/png", MediaFixtures.png(width, height)))
                        .param("caption", "Ninjs caption")
                        .param("credit", "Ninjs credit")
                        .header("Authorization", "Bearer " + tokens.editor()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    @Test
    void theSchemaCatchesWhatIsNotNinjs() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Control");
        SyndicationFixtures.Article article =
                fixtures.published(fixtures.article("Control " + fixtures.tag, List.of("<p>c</p>"), topic), null);
        ObjectNode item =
                (ObjectNode) ninjs(get("/api/v1/articles/{id}", article.id()).accept("application/ninjs+json"));

        item.put("headline", "not a ninjs member");
        item.put("type", "article");
        List<Error> errors = ninjs.validate(item);

        assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void plainJsonStaysTheDefault() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Default");
        SyndicationFixtures.Article article =
                fixtures.published(fixtures.article("Plain " + fixtures.tag, List.of("<p>p</p>"), topic), null);

        mvc.perform(get("/api/v1/articles/{id}", article.id()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("Accept")))
                .andExpect(jsonPath("$.html").value("<p>p</p>"));
        mvc.perform(get("/api/v1/articles/{id}", article.id()).accept("*/*"))
                .andExpect(header().string("Content-Type", "application/json"));
        mvc.perform(get("/api/v1/articles/{id}", article.id()).accept("application/json"))
                .andExpect(header().string("Content-Type", "application/json"));
        mvc.perform(get("/api/v1/articles/{id}", article.id())
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .andExpect(header().string("Content-Type", "application/json"));
        mvc.perform(get("/api/v1/articles/{id}", article.id()).accept("application/ninjs+json;version=3.1"))
                .andExpect(status().isNotAcceptable());
        ninjs(get("/api/v1/articles/{id}", article.id()).accept("application/ninjs+json;version=2.2"));
        ninjs(get("/api/v1/articles/{id}", article.id())
                .header("Accept", "application/ninjs+json, application/json;q=0.5"));
    }

    @Test
    void unpublishedArticlesAreNotFoundAsNinjsToo() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Drafts");
        SyndicationFixtures.Article draft =
                fixtures.draft(fixtures.article("Draft " + fixtures.tag, List.of("<p>d</p>"), topic));
        SyndicationFixtures.Article scheduled = fixtures.published(
                fixtures.article("Later " + fixtures.tag, List.of("<p>l</p>"), topic),
                OffsetDateTime.now().plusDays(1));

        mvc.perform(get("/api/v1/articles/{id}", draft.id()).accept("application/ninjs+json"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        mvc.perform(get("/api/v1/articles/{id}", scheduled.id()).accept("application/ninjs+json"))
                .andExpect(status().isNotFound());
    }

    @Test
    void ninjsIsCacheableAndConditional() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Cache");
        SyndicationFixtures.Article article =
                fixtures.published(fixtures.article("Cached " + fixtures.tag, List.of("<p>c</p>"), topic), null);

        String etag = mvc.perform(get("/api/v1/articles/{id}", article.id()).accept("application/ninjs+json"))
                .andExpect(header().string(
                                "Cache-Control", "max-age=60, public, stale-while-revalidate=30, stale-if-error=300"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        mvc.perform(get("/api/v1/articles/{id}", article.id())
                        .accept("application/ninjs+json")
                        .header("If-None-Match", etag))
                .andExpect(status().isNotModified());
    }

    private JsonNode ninjs(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/ninjs+json;version=2.2"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }
}
