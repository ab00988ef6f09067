package io.dateline.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor's flow end to end: the newsroom's strong ETags for If-Match, the 412 that says which
 * ETag to send, the editors' lists with the feed's filters and cursor paging, and public URLs that
 * have one meaning whoever calls them.
 */
@IntegrationTest
class NewsroomTests {

    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestSecurity.Tokens tokens;

    String editor;

    String topic;

    @BeforeEach
    void setUp() throws Exception {
        editor = "Bearer " + tokens.editor();
        topic = read(call(
                        post("/api/v1/newsroom/topics")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(Map.of("name", unique("Newsroom")))),
                        201))
                .get("slug")
                .asString();
    }

    @Test
    void theNewsroomETagGuardsAPatchAndThePublicOneIsRefusedWithTheOneToSend() throws Exception {
        long id = create(unique("Strong"), "en");
        call(post("/api/v1/newsroom/articles/{id}/publish", id), 200);
        String publicTag = mvc.perform(get("/api/v1/articles/{id}", id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        String strong = mvc.perform(get("/api/v1/newsroom/articles/{id}", id).header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + id + "-2\""))
                .andExpect(header().string("Cache-Control", "no-store, private"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        assertThat(publicTag).startsWith("W/");
        mvc.perform(lead(id, publicTag))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/stale-article"))
                .andExpect(jsonPath("$.detail")
                        .value(containsString("strong ETag of GET /api/v1/newsroom/articles/" + id)));
        mvc.perform(lead(id, "\"" + (id + 1) + "-2\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(containsString("not one of article " + id + "'s")));
        mvc.perform(lead(id, strong)).andExpect(status().isOk()).andExpect(header().string("ETag", "\"" + id + "-3\""));
        mvc.perform(lead(id, strong))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(containsString("has changed since the ETag in If-Match")));
    }

    @Test
    void editorsListsPageWithACursorAndTakeTheFeedsFilters() throws Exception {
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drafts.add(create(unique("Listed"), i == 2 ? "ru" : "en"));
        }
        long published = drafts.remove(4);
        call(post("/api/v1/newsroom/articles/{id}/publish", published), 200);

        List<Long> walked = new ArrayList<>();
        String cursor = null;
        do {
            MockHttpServletRequestBuilder page = get("/api/v1/newsroom/articles")
                    .param("status", "DRAFT")
                    .param("topic", topic)
                    .param("limit", "2");
            if (cursor != null) {
                page.param("cursor", cursor);
            }
            JsonNode body = read(call(page, 200));
            body.get("items").forEach(item -> walked.add(item.get("id").asLong()));
            cursor = body.path("nextCursor").isString() ? body.get("nextCursor").asString() : null;
        } while (cursor != null);

        List<Long> newestFirst = new ArrayList<>(drafts);
        java.util.Collections.reverse(newestFirst);
        assertThat(walked).containsExactlyElementsOf(newestFirst);
        assertThat(ids(get("/api/v1/newsroom/articles").param("topic", topic).param("language", "ru")))
                .containsExactly(drafts.get(2));
        assertThat(ids(get("/api/v1/newsroom/articles").param("topic", topic).param("status", "PUBLISHED")))
                .containsExactly(published);
        assertThat(ids(get("/api/v1/newsroom/articles").param("topic", topic))).hasSize(5);
        mvc.perform(get("/api/v1/newsroom/articles")
                        .param("status", "DRAFT")
                        .param("cursor", cursor(topic))
                        .header("Authorization", editor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-cursor"));
        mvc.perform(get("/api/v1/newsroom/articles")
                        .param("topic", "no-such-topic-" + UUID.randomUUID())
                        .header("Authorization", editor))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void publicArticleUrlsMeanThePublishedArticleWhoeverAsks() throws Exception {
        long draft = create(unique("Hidden"), "en");
        long live = create(unique("Live"), "en");
        call(post("/api/v1/newsroom/articles/{id}/publish", live), 200);

        mvc.perform(get("/api/v1/articles/{id}", draft).param("view", "editor").header("Authorization", editor))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/articles/{id}", live).param("format", "ninjs"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/json")))
                .andExpect(jsonPath("$.id").value(live));
        mvc.perform(get("/api/v1/articles").param("status", "DRAFT").header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("public")));
        mvc.perform(post("/api/v1/articles")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(request(unique("Old URL"), "en"))))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(get("/api/v1/newsroom/articles/{id}", draft)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/newsroom/articles/{id}", draft).header("Authorization", "Bearer " + tokens.reader()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/newsroom/articles/{id}/purge", draft).header("Authorization", editor))
                .andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder lead(long id, String ifMatch) {
        return patch("/api/v1/newsroom/articles/{id}", id)
                .header("Authorization", editor)
                .header("If-Match", ifMatch)
                .contentType(MERGE_PATCH)
                .content("{\"lead\": \"" + unique("Lead") + "\"}");
    }

    /** A cursor that this service signed, for another query than the one it is sent with. */
    private String cursor(String topic) throws Exception {
        for (int i = 0; i < 2; i++) {
            create(unique("Foreign"), "en");
        }
        return read(call(get("/api/v1/newsroom/articles").param("topic", topic).param("limit", "1"), 200))
                .get("nextCursor")
                .asString();
    }

    private List<Long> ids(MockHttpServletRequestBuilder request) throws Exception {
        List<Long> ids = new ArrayList<>();
        read(call(request, 200))
                .get("items")
                .forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private long create(String headline, String language) throws Exception {
        return read(call(
                        post("/api/v1/newsroom/articles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(request(headline, language))),
                        201))
                .get("id")
                .asLong();
    }

    private Map<String, Object> request(String headline, String language) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("headline", headline);
        request.put("body", "<p>" + headline + "</p>");
        request.put("language", language);
        request.put("topics", List.of(topic));
        return request;
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.header("Authorization", editor)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response;
    }

    private JsonNode read(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    private static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
