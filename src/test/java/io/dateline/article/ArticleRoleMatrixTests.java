package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.dateline.article.ArticleFixtures.Created;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every article and topic endpoint against every kind of caller. Each call prepares its own fresh
 * article or topic (as an editor), so that the calls cannot disturb each other.
 */
@IntegrationTest
class ArticleRoleMatrixTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JsonMapper json;

    ArticleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ArticleFixtures(mvc, json, tokens.editor());
    }

    enum Caller {
        ANONYMOUS,
        READER,
        EDITOR,
        ADMIN
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                row("GET /articles", f -> get("/api/v1/articles"), 200, 200, 200, 200),
                row(
                        "GET /articles/{id}",
                        f -> get("/api/v1/articles/{id}", f.published(f.topic()).id()),
                        200,
                        200,
                        200,
                        200),
                row("GET /topics", f -> get("/api/v1/topics"), 200, 200, 200, 200),
                row("GET /topics/{slug}", f -> get("/api/v1/topics/{slug}", f.topic()), 200, 200, 200, 200),
                row(
                        "GET /newsroom/articles?status=DRAFT",
                        f -> get("/api/v1/newsroom/articles").param("status", "DRAFT"),
                        401,
                        403,
                        200,
                        200),
                row(
                        "GET /newsroom/articles/{id}",
                        f -> get(
                                "/api/v1/newsroom/articles/{id}",
                                f.draft(f.topic()).id()),
                        401,
                        403,
                        200,
                        200),
                row(
                        "GET /articles/{id}/revisions",
                        f -> get(
                                "/api/v1/newsroom/articles/{id}/revisions",
                                f.draft(f.topic()).id()),
                        401,
                        403,
                        200,
                        200),
                row(
                        "GET /articles/{id}/revisions/1",
                        f -> get(
                                "/api/v1/newsroom/articles/{id}/revisions/1",
                                f.draft(f.topic()).id()),
                        401,
                        403,
                        200,
                        200),
                row(
                        "POST /articles",
                        f -> post("/api/v1/newsroom/articles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(f.json(f.request(ArticleFixtures.unique("Matrix"), f.topic()))),
                        401,
                        403,
                        201,
                        201),
                row(
                        "PUT /articles/{id}",
                        f -> {
                            String topic = f.topic();
                            Created draft = f.draft(topic);
                            return put("/api/v1/newsroom/articles/{id}", draft.id())
                                    .header("If-Match", draft.etag())
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(f.json(f.request(ArticleFixtures.unique("Put"), topic)));
                        },
                        401,
                        403,
                        200,
                        200),
                row(
                        "PATCH /articles/{id}",
                        f -> {
                            Created draft = f.draft(f.topic());
                            return patch("/api/v1/newsroom/articles/{id}", draft.id())
                                    .header("If-Match", draft.etag())
                                    .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                                    .content("{\"lead\": \"patched\"}");
                        },
                        401,
                        403,
                        200,
                        200),
                row(
                        "POST /articles/{id}/publish",
                        f -> post(
                                "/api/v1/newsroom/articles/{id}/publish",
                                f.draft(f.topic()).id()),
                        401,
                        403,
                        200,
                        200),
                row(
                        "POST /articles/{id}/unpublish",
                        f -> post(
                                "/api/v1/newsroom/articles/{id}/unpublish",
                                f.published(f.topic()).id()),
                        401,
                        403,
                        200,
                        200),
                row(
                        "POST /articles/{id}/revisions/1/restore",
                        f -> post(
                                "/api/v1/newsroom/articles/{id}/revisions/1/restore",
                                f.draft(f.topic()).id()),
                        401,
                        403,
                        200,
                        200),
                row(
                        "DELETE /articles/{id}",
                        f -> delete(
                                "/api/v1/newsroom/articles/{id}",
                                f.draft(f.topic()).id()),
                        401,
                        403,
                        204,
                        204),
                row(
                        "POST /newsroom/articles/{id}/purge",
                        f -> post(
                                "/api/v1/newsroom/articles/{id}/purge",
                                f.draft(f.topic()).id()),
                        401,
                        403,
                        403,
                        204),
                row(
                        "POST /topics",
                        f -> post("/api/v1/newsroom/topics")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(f.json(Map.of("name", ArticleFixtures.unique("Matrix topic")))),
                        401,
                        403,
                        201,
                        201),
                row(
                        "PATCH /topics/{slug}",
                        f -> patch("/api/v1/newsroom/topics/{slug}", f.topic())
                                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                                .content("{\"position\": 5}"),
                        401,
                        403,
                        200,
                        200),
                row(
                        "DELETE /topics/{slug}",
                        f -> delete("/api/v1/newsroom/topics/{slug}", f.topic()),
                        401,
                        403,
                        204,
                        204));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointEnforcesItsRoles(
            String name, Function<ArticleFixtures, MockHttpServletRequestBuilder> call, Map<Caller, Integer> expected)
            throws Exception {
        for (Caller caller : Caller.values()) {
            MockHttpServletRequestBuilder request = call.apply(fixtures);
            String token = tokenFor(caller);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }

            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

            assertThat(response.getStatus())
                    .as("%s as %s: %s", name, caller, response.getContentAsString())
                    .isEqualTo(expected.get(caller));
            if (response.getStatus() >= 400) {
                assertThat(response.getContentType()).startsWith("application/problem+json");
            }
        }
    }

    private String tokenFor(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case READER -> tokens.reader();
            case EDITOR -> tokens.editor();
            case ADMIN -> tokens.admin();
        };
    }

    private static Arguments row(
            String name,
            Function<ArticleFixtures, MockHttpServletRequestBuilder> call,
            int anonymous,
            int reader,
            int editor,
            int admin) {
        return Arguments.of(
                name,
                call,
                Map.of(Caller.ANONYMOUS, anonymous, Caller.READER, reader, Caller.EDITOR, editor, Caller.ADMIN, admin));
    }
}
