package io.dateline.article;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * Small named fixtures for article tests, made through the API as an editor would. Every headline
 * and topic is unique, so tests do not depend on each other's data in the shared database.
 */
class ArticleFixtures {

    private final MockMvc mvc;

    private final JsonMapper json;

    private final String editorToken;

    ArticleFixtures(MockMvc mvc, JsonMapper json, String editorToken) {
        this.mvc = mvc;
        this.json = json;
        this.editorToken = editorToken;
    }

    record Created(long id, String slug, String etag, JsonNode body) {}

    static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    String bearer() {
        return "Bearer " + editorToken;
    }

    /** A new topic with a unique name; returns its slug. */
    String topic() {
        return topic(unique("Topic"));
    }

    String topic(String name) {
        try {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/newsroom/topics")
                            .header("Authorization", bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(Map.of("name", name))))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != 201) {
                throw new IllegalStateException("topic not created: " + response.getContentAsString());
            }
            return json.readTree(response.getContentAsString()).get("slug").asString();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A valid create request: one page, English, filed under {@code topic}. */
    Map<String, Object> request(String headline, String topic) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("headline", headline);
        request.put("lead", "A lead for " + headline);
        request.put("body", "<p>Body of " + headline + "</p>");
        request.put("dateline", "MOSCOW");
        request.put("source", "Dateline");
        request.put("byline", "Test Desk");
        request.put("language", "en");
        request.put("topics", new ArrayList<>(List.of(topic)));
        return request;
    }

    Created draft(String topic) {
        return create(request(unique("Draft"), topic));
    }

    Created create(Map<String, Object> request) {
        try {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/newsroom/articles")
                            .header("Authorization", bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(request)))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != 201) {
                throw new IllegalStateException("article not created: " + response.getContentAsString());
            }
            return created(response);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    Created published(String topic) {
        Created draft = draft(topic);
        return publish(draft.id(), null);
    }

    Created published(Map<String, Object> request) {
        return publish(create(request).id(), null);
    }

    Created publish(long id, OffsetDateTime at) {
        try {
            var builder = post("/api/v1/newsroom/articles/{id}/publish", id).header("Authorization", bearer());
            if (at != null) {
                builder.contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("publishAt", at.toString())));
            }
            MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
            if (response.getStatus() != 200) {
                throw new IllegalStateException("not published: " + response.getContentAsString());
            }
            return created(response);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The editor's view and its ETag, as it is now. */
    Created editorView(long id) {
        try {
            MockHttpServletResponse response = mvc.perform(
                            get("/api/v1/newsroom/articles/{id}", id).header("Authorization", bearer()))
                    .andReturn()
                    .getResponse();
            return created(response);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    String json(Object value) {
        return json.writeValueAsString(value);
    }

    private Created created(MockHttpServletResponse response) throws Exception {
        JsonNode body = json.readTree(response.getContentAsString());
        return new Created(body.get("id").asLong(), body.get("slug").asString(), response.getHeader("ETag"), body);
    }
}
