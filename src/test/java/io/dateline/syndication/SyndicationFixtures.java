package io.dateline.syndication;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Topics and published articles made through the editorial API, as a newsroom would make them.
 * Names carry a random tag, so tests never see each other's data in the shared database.
 */
class SyndicationFixtures {

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    private final MockMvc mvc;

    private final JsonMapper json;

    private final String editorToken;

    SyndicationFixtures(MockMvc mvc, JsonMapper json, String editorToken) {
        this.mvc = mvc;
        this.json = json;
        this.editorToken = editorToken;
    }

    record Topic(String slug, String name) {}

    record Article(long id, String slug, JsonNode editorView) {}

    Topic topic(String name) {
        JsonNode body = call("/api/v1/newsroom/topics", Map.of("name", name + " " + tag), 201);
        return new Topic(body.get("slug").asString(), body.get("name").asString());
    }

    /** A valid article request: English, by the test desk, filed under the given topics. */
    Map<String, Object> article(String headline, List<String> pages, Topic... topics) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("headline", headline);
        request.put("lead", "Lead of " + headline);
        request.put("pages", pages);
        request.put("dateline", "MOSCOW");
        request.put("source", "Dateline");
        request.put("byline", "Test Desk");
        request.put("language", "en");
        request.put("topics", java.util.Arrays.stream(topics).map(Topic::slug).toList());
        return request;
    }

    Article draft(Map<String, Object> request) {
        JsonNode body = call("/api/v1/newsroom/articles", request, 201);
        return new Article(body.get("id").asLong(), body.get("slug").asString(), body);
    }

    Article published(Map<String, Object> request, OffsetDateTime at) {
        Article draft = draft(request);
        JsonNode body = call(
                "/api/v1/newsroom/articles/" + draft.id() + "/publish",
                at == null ? Map.of() : Map.of("publishAt", at.toString()),
                200);
        return new Article(draft.id(), draft.slug(), body);
    }

    void unpublish(long id) {
        call("/api/v1/newsroom/articles/" + id + "/unpublish", Map.of(), 200);
    }

    private JsonNode call(String path, Object body, int expected) {
        try {
            MockHttpServletResponse response = mvc.perform(post(path)
                            .header("Authorization", "Bearer " + editorToken)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(body)))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != expected) {
                throw new IllegalStateException(
                        path + " answered " + response.getStatus() + ": " + response.getContentAsString());
            }
            return json.readTree(response.getContentAsString());
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
