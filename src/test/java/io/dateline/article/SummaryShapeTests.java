package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.dateline.article.ArticleFixtures.Created;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Summaries look the same wherever they appear (a stream, a search, an article's related list) and
 * carry every member, nulls included, exactly as the OpenAPI document describes them: each member
 * required, and null allowed for exactly the members that can be null. An article with every
 * optional member absent is the case that the application-wide non_null setting would break.
 */
@IntegrationTest
class SummaryShapeTests {

    /** What a search hit adds to a summary. */
    private static final Set<String> SEARCH_ONLY = Set.of("score", "highlights");

    /** What an article response adds to a summary. */
    private static final Set<String> ARTICLE_ONLY = Set.of("byline", "page", "html", "externalLinks", "related");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JsonMapper json;

    ArticleFixtures fixtures;

    JsonNode components;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new ArticleFixtures(mvc, json, tokens.editor());
        components = read(get("/v3/api-docs")).get("components");
    }

    @Test
    void summariesCarryTheSameMembersEverywhereAsTheOpenApiSchemaSays() throws Exception {
        String topic = fixtures.topic();
        String word = word();
        Map<String, Object> bare = fixtures.request("Bare " + word, topic);
        bare.keySet().removeAll(List.of("lead", "dateline", "source", "byline"));
        Created article = fixtures.published(bare);
        Map<String, Object> citing = fixtures.request(ArticleFixtures.unique("Citing"), topic);
        citing.put("relatedArticleIds", List.of(article.id()));
        Created citer = fixtures.published(citing);

        JsonNode inStream = item(read(get("/api/v1/topics/{slug}/articles", topic)), article.id());
        JsonNode inAllNews = item(read(get("/api/v1/articles").param("topic", topic)), article.id());
        JsonNode hit = item(read(get("/api/v1/search").param("q", word)), article.id());
        JsonNode page = read(get("/api/v1/articles/{id}", article.id()));
        JsonNode related =
                read(get("/api/v1/articles/{id}", citer.id())).get("related").get(0);

        assertThat(inStream.get("lead").isNull()).isTrue();
        assertThat(inStream.get("urgency").isNull()).isTrue();
        assertThat(hit.get("source").isNull()).isTrue();
        assertThat(page.get("byline").isNull()).isTrue();
        assertConforms(inStream, "ArticleSummary");
        assertConforms(inAllNews, "ArticleSummary");
        assertConforms(related, "ArticleSummary");
        assertConforms(hit, "SearchHit");
        assertConforms(page, "ArticleResponse");
        Set<String> summary = names(inStream);
        assertThat(names(inAllNews)).isEqualTo(summary);
        assertThat(names(related)).isEqualTo(summary);
        assertThat(without(names(hit), SEARCH_ONLY)).isEqualTo(summary);
        assertThat(without(names(page), ARTICLE_ONLY)).isEqualTo(summary);
    }

    @Test
    void theSchemaRefusesAMissingMemberOrAnUnexpectedNull() throws Exception {
        String topic = fixtures.topic();
        Created article = fixtures.published(topic);
        ObjectNode summary = (ObjectNode) item(read(get("/api/v1/topics/{slug}/articles", topic)), article.id());
        Schema schema = schema("ArticleSummary");
        assertThat(schema.validate(summary)).isEmpty();

        ObjectNode missing = summary.deepCopy();
        missing.remove("lead");
        ObjectNode nullHeadline = summary.deepCopy();
        nullHeadline.putNull("headline");

        assertThat(schema.validate(missing)).isNotEmpty();
        assertThat(schema.validate(nullHeadline)).isNotEmpty();
    }

    @Test
    void problemDetailsGainNoNullMembers() throws Exception {
        String body = mvc.perform(get("/api/v1/articles/{id}", Long.MAX_VALUE / 2))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        List<String> nulls = new ArrayList<>();
        json.readTree(body).properties().forEach(member -> {
            if (member.getValue().isNull()) {
                nulls.add(member.getKey());
            }
        });
        assertThat(nulls).isEmpty();
    }

    /** Valid against the component schema, and with exactly its members, all of them required. */
    private void assertConforms(JsonNode value, String component) {
        JsonNode definition = components.get("schemas").get(component);
        Set<String> properties = new TreeSet<>();
        definition.get("properties").propertyNames().forEach(properties::add);
        Set<String> required = new TreeSet<>();
        definition.get("required").forEach(name -> required.add(name.asString()));

        assertThat(schema(component).validate(value)).as(component).isEmpty();
        assertThat(names(value)).as(component + " members").isEqualTo(properties);
        assertThat(required).as(component + " required").isEqualTo(properties);
    }

    private Schema schema(String component) {
        ObjectNode root = json.createObjectNode();
        root.put("$ref", "#/components/schemas/" + component);
        root.set("components", components);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(root);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static Set<String> without(Set<String> names, Set<String> removed) {
        Set<String> rest = new TreeSet<>(names);
        rest.removeAll(removed);
        return rest;
    }

    private static JsonNode item(JsonNode page, long id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("article " + id + " not in " + page);
    }

    /** A made-up word that only this test's article contains, so that search finds just it. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
