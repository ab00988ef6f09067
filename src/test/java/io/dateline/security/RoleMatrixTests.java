package io.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.dateline.media.MediaFixtures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The role matrix no endpoint can escape: every handler mapping of the running application must
 * have a row in {@link #TABLE}, every row must name a mapped endpoint, and every row is called by
 * every kind of caller. The roles form a hierarchy (ADMIN includes EDITOR, EDITOR includes READER;
 * see SecurityConfiguration#roleHierarchy), so a row names the least role that may call it.
 */
@IntegrationTest
class RoleMatrixTests {

    /** The least caller that may use an endpoint, in ascending power. */
    enum Access {
        ANONYMOUS,
        READER,
        EDITOR,
        ADMIN
    }

    /** Who calls: the four roles, plus tokens that once were an admin's but no longer count. */
    enum Caller {
        ANONYMOUS(Access.ANONYMOUS),
        READER(Access.READER),
        EDITOR(Access.EDITOR),
        ADMIN(Access.ADMIN),
        EXPIRED_ADMIN(null),
        REVOKED_ADMIN(null);

        final Access access;

        Caller(Access access) {
            this.access = access;
        }
    }

    /**
     * One row per endpoint, and one more per variant that a parameter selects with a different role.
     * {@code call} builds a plausible request (its ids come from the fixtures); it is built anew for
     * each caller, so that a destructive call gets its own resource.
     */
    record Row(
            String method,
            String pattern,
            String variant,
            Access least,
            Function<Fixtures, MockHttpServletRequestBuilder> call) {

        String name() {
            return method + " " + pattern + (variant.isEmpty() ? "" : " " + variant);
        }
    }

    private static final JsonMapper BODIES = JsonMapper.builder().build();

    private static final long UNKNOWN_JOB = 987_654_321L;

    private static final long UNKNOWN_WEBHOOK = 987_654_321L;

    private static final Map<String, Object> WEBHOOK_TO_INTERNAL_ADDRESS = Map.of(
            "url", "http://10.0.0.1/hook", "eventTypes", List.of("article.published"), "secret", "0123456789abcdef");

    static final List<Row> TABLE = List.of(
            // articles: the public reads, one meaning per URL
            row("GET", "/api/v1/articles", Access.ANONYMOUS, f -> get("/api/v1/articles")),
            row(
                    "GET",
                    "/api/v1/articles/{idOrSlug}",
                    Access.ANONYMOUS,
                    f -> get("/api/v1/articles/{slug}", f.published().slug())),
            row(
                    "GET",
                    "/api/v1/articles/{idOrSlug}",
                    "Accept: ninjs",
                    Access.ANONYMOUS,
                    f -> get("/api/v1/articles/{id}", f.published().id()).accept("application/ninjs+json")),
            // the newsroom: editors' views and the editorial API, purging for admins
            row("GET", "/api/v1/newsroom/articles", Access.EDITOR, f -> get("/api/v1/newsroom/articles?status=DRAFT")),
            row(
                    "POST",
                    "/api/v1/newsroom/articles",
                    Access.EDITOR,
                    f -> json(post("/api/v1/newsroom/articles"), f.articleRequest())),
            row(
                    "GET",
                    "/api/v1/newsroom/articles/{id}",
                    Access.EDITOR,
                    f -> get("/api/v1/newsroom/articles/{id}", f.draft().id())),
            row("PUT", "/api/v1/newsroom/articles/{id}", Access.EDITOR, f -> {
                Article draft = f.freshDraft();
                return json(put("/api/v1/newsroom/articles/{id}", draft.id()), f.articleRequest())
                        .header(HttpHeaders.IF_MATCH, draft.etag());
            }),
            row("PATCH", "/api/v1/newsroom/articles/{id}", Access.EDITOR, f -> {
                Article draft = f.freshDraft();
                return mergePatch(patch("/api/v1/newsroom/articles/{id}", draft.id()), "{\"lead\": \"patched\"}")
                        .header(HttpHeaders.IF_MATCH, draft.etag());
            }),
            row(
                    "DELETE",
                    "/api/v1/newsroom/articles/{id}",
                    Access.EDITOR,
                    f -> delete("/api/v1/newsroom/articles/{id}", f.freshDraft().id())),
            row(
                    "POST",
                    "/api/v1/newsroom/articles/{id}/purge",
                    Access.ADMIN,
                    f -> post(
                            "/api/v1/newsroom/articles/{id}/purge",
                            f.freshDraft().id())),
            row(
                    "POST",
                    "/api/v1/newsroom/articles/{id}/publish",
                    Access.EDITOR,
                    f -> post(
                            "/api/v1/newsroom/articles/{id}/publish",
                            f.freshDraft().id())),
            row(
                    "POST",
                    "/api/v1/newsroom/articles/{id}/unpublish",
                    Access.EDITOR,
                    f -> post(
                            "/api/v1/newsroom/articles/{id}/unpublish",
                            f.freshPublished().id())),
            row(
                    "PUT",
                    "/api/v1/newsroom/articles/{id}/featured",
                    Access.EDITOR,
                    f -> put(
                            "/api/v1/newsroom/articles/{id}/featured",
                            f.freshPublished().id())),
            row(
                    "DELETE",
                    "/api/v1/newsroom/articles/{id}/featured",
                    Access.EDITOR,
                    f -> delete(
                            "/api/v1/newsroom/articles/{id}/featured",
                            f.freshPublished().id())),
            row(
                    "PUT",
                    "/api/v1/newsroom/articles/{id}/breaking",
                    Access.EDITOR,
                    f -> json(
                            put(
                                    "/api/v1/newsroom/articles/{id}/breaking",
                                    f.freshPublished().id()),
                            Map.of("urgency", 1))),
            row(
                    "DELETE",
                    "/api/v1/newsroom/articles/{id}/breaking",
                    Access.EDITOR,
                    f -> delete(
                            "/api/v1/newsroom/articles/{id}/breaking",
                            f.freshPublished().id())),
            row(
                    "GET",
                    "/api/v1/newsroom/articles/{id}/revisions",
                    Access.EDITOR,
                    f -> get(
                            "/api/v1/newsroom/articles/{id}/revisions",
                            f.draft().id())),
            row(
                    "GET",
                    "/api/v1/newsroom/articles/{id}/revisions/{version}",
                    Access.EDITOR,
                    f -> get(
                            "/api/v1/newsroom/articles/{id}/revisions/1",
                            f.draft().id())),
            row(
                    "POST",
                    "/api/v1/newsroom/articles/{id}/revisions/{version}/restore",
                    Access.EDITOR,
                    f -> post(
                            "/api/v1/newsroom/articles/{id}/revisions/1/restore",
                            f.freshDraft().id())),
            row(
                    "GET",
                    "/api/v1/newsroom/search",
                    Access.EDITOR,
                    f -> get("/api/v1/newsroom/search?q=matrix&status=DRAFT")),
            // topics and their streams
            // pictures: the editors' image library, renditions for everyone
            row("POST", "/api/v1/newsroom/images", Access.EDITOR, f -> f.imageUpload()),
            row("GET", "/api/v1/newsroom/images", Access.EDITOR, f -> get("/api/v1/newsroom/images")),
            row(
                    "GET",
                    "/api/v1/newsroom/images/{id}",
                    Access.EDITOR,
                    f -> get("/api/v1/newsroom/images/{id}", f.image().id())),
            row(
                    "PUT",
                    "/api/v1/newsroom/images/{id}",
                    Access.EDITOR,
                    f -> json(put("/api/v1/newsroom/images/{id}", f.image().id()), Map.of("caption", "Matrix"))),
            row(
                    "DELETE",
                    "/api/v1/newsroom/images/{id}",
                    Access.EDITOR,
                    f -> delete("/api/v1/newsroom/images/{id}", f.freshImage().id())),
            row("GET", "/media/{name}", Access.ANONYMOUS, f -> get(f.image().path())),
            row("GET", "/api/v1/topics", Access.ANONYMOUS, f -> get("/api/v1/topics")),
            row(
                    "POST",
                    "/api/v1/newsroom/topics",
                    Access.EDITOR,
                    f -> json(post("/api/v1/newsroom/topics"), Map.of("name", unique("Matrix topic")))),
            row("GET", "/api/v1/topics/{slug}", Access.ANONYMOUS, f -> get("/api/v1/topics/{slug}", f.topic())),
            row(
                    "PATCH",
                    "/api/v1/newsroom/topics/{slug}",
                    Access.EDITOR,
                    f -> mergePatch(patch("/api/v1/newsroom/topics/{slug}", f.freshTopic()), "{\"position\": 5}")),
            row(
                    "DELETE",
                    "/api/v1/newsroom/topics/{slug}",
                    Access.EDITOR,
                    f -> delete("/api/v1/newsroom/topics/{slug}", f.freshTopic())),
            row(
                    "GET",
                    "/api/v1/topics/{slug}/articles",
                    Access.ANONYMOUS,
                    f -> get("/api/v1/topics/{slug}/articles", f.topic())),
            row(
                    "GET",
                    "/api/v1/topics/{slug}/feed.rss",
                    Access.ANONYMOUS,
                    f -> get("/api/v1/topics/{slug}/feed.rss", f.topic())),
            row(
                    "GET",
                    "/api/v1/topics/{slug}/feed.atom",
                    Access.ANONYMOUS,
                    f -> get("/api/v1/topics/{slug}/feed.atom", f.topic())),
            // feeds, search, syndication
            row("GET", "/api/v1/feed", Access.ANONYMOUS, f -> get("/api/v1/feed")),
            row("GET", "/api/v1/feeds/all.rss", Access.ANONYMOUS, f -> get("/api/v1/feeds/all.rss")),
            row("GET", "/api/v1/feeds/all.atom", Access.ANONYMOUS, f -> get("/api/v1/feeds/all.atom")),
            row("GET", "/api/v1/search", Access.ANONYMOUS, f -> get("/api/v1/search?q=matrix")),
            row("GET", "/api/v1/search/suggest", Access.ANONYMOUS, f -> get("/api/v1/search/suggest?q=mat")),
            row("GET", "/api/v1/partner-news", Access.ANONYMOUS, f -> get("/api/v1/partner-news")),
            row("GET", "/api/v1/changes", Access.ANONYMOUS, f -> get("/api/v1/changes?limit=1")),
            row(
                    "POST",
                    "/api/v1/partner-news",
                    Access.EDITOR,
                    f -> json(post("/api/v1/partner-news"), f.headlineRequest())),
            row(
                    "DELETE",
                    "/api/v1/partner-news/{id}",
                    Access.EDITOR,
                    f -> delete("/api/v1/partner-news/{id}", f.freshHeadline())),
            row("GET", "/api/v1/newsroom/partners", Access.EDITOR, f -> get("/api/v1/newsroom/partners")),
            row(
                    "POST",
                    "/api/v1/newsroom/partners",
                    Access.EDITOR,
                    f -> json(post("/api/v1/newsroom/partners"), f.partnerRequest())),
            row(
                    "GET",
                    "/api/v1/newsroom/partners/{id}",
                    Access.EDITOR,
                    f -> get("/api/v1/newsroom/partners/{id}", f.partner())),
            row(
                    "PATCH",
                    "/api/v1/newsroom/partners/{id}",
                    Access.EDITOR,
                    f -> mergePatch(
                            patch("/api/v1/newsroom/partners/{id}", f.freshPartner()),
                            "{\"homepage\": \"https://other.example.org\"}")),
            row(
                    "DELETE",
                    "/api/v1/newsroom/partners/{id}",
                    Access.EDITOR,
                    f -> delete("/api/v1/newsroom/partners/{id}", f.freshPartner())),
            // the partner has no feed URL: a 409 that proves the call got past security without fetching anything
            row(
                    "POST",
                    "/api/v1/newsroom/partners/{id}/import",
                    Access.EDITOR,
                    f -> post("/api/v1/newsroom/partners/{id}/import", f.partner())),
            // currency
            row("GET", "/api/v1/currencies", Access.ANONYMOUS, f -> get("/api/v1/currencies")),
            row("GET", "/api/v1/currency/rates", Access.ANONYMOUS, f -> get("/api/v1/currency/rates?source=cbr")),
            row(
                    "GET",
                    "/api/v1/currency/convert",
                    Access.ANONYMOUS,
                    f -> get("/api/v1/currency/convert?from=USD&to=RUB&amount=1")),
            row(
                    "GET",
                    "/api/v1/currency/rates/{code}/history",
                    Access.ANONYMOUS,
                    f -> get("/api/v1/currency/rates/USD/history")),
            // a range that ends before it starts: refused before any bank is asked
            row(
                    "POST",
                    "/api/v1/admin/currency/imports",
                    Access.ADMIN,
                    f -> json(
                            post("/api/v1/admin/currency/imports"),
                            Map.of("source", "cbr", "from", "2023-11-02", "to", "2023-11-01"))),
            // long imports run as jobs; an unknown job id reaches its handler and answers 404
            row("GET", "/api/v1/admin/currency/imports", Access.ADMIN, f -> get("/api/v1/admin/currency/imports")),
            row(
                    "GET",
                    "/api/v1/admin/currency/imports/{id}",
                    Access.ADMIN,
                    f -> get("/api/v1/admin/currency/imports/{id}", UNKNOWN_JOB)),
            row(
                    "POST",
                    "/api/v1/admin/currency/imports/{id}/cancel",
                    Access.ADMIN,
                    f -> post("/api/v1/admin/currency/imports/{id}/cancel", UNKNOWN_JOB)),
            row(
                    "POST",
                    "/api/v1/admin/currency/imports/{id}/resume",
                    Access.ADMIN,
                    f -> post("/api/v1/admin/currency/imports/{id}/resume", UNKNOWN_JOB)),
            row("GET", "/api/v1/newsroom/partner-imports", Access.EDITOR, f -> get("/api/v1/newsroom/partner-imports")),
            row(
                    "POST",
                    "/api/v1/newsroom/partner-imports",
                    Access.EDITOR,
                    f -> post("/api/v1/newsroom/partner-imports")),
            row(
                    "GET",
                    "/api/v1/newsroom/partner-imports/{id}",
                    Access.EDITOR,
                    f -> get("/api/v1/newsroom/partner-imports/{id}", UNKNOWN_JOB)),
            row(
                    "POST",
                    "/api/v1/newsroom/partner-imports/{id}/cancel",
                    Access.EDITOR,
                    f -> post("/api/v1/newsroom/partner-imports/{id}/cancel", UNKNOWN_JOB)),
            row(
                    "POST",
                    "/api/v1/newsroom/partner-imports/{id}/resume",
                    Access.EDITOR,
                    f -> post("/api/v1/newsroom/partner-imports/{id}/resume", UNKNOWN_JOB)),
            // readers, their preferences, tokens
            row("POST", "/api/v1/readers", Access.ANONYMOUS, f -> post("/api/v1/readers")),
            row("GET", "/api/v1/me/preferences", Access.READER, f -> get("/api/v1/me/preferences")),
            row(
                    "PUT",
                    "/api/v1/me/preferences",
                    Access.READER,
                    f -> json(
                            put("/api/v1/me/preferences"), Map.of("filterEnabled", true, "languages", List.of("en")))),
            row("GET", "/api/v1/admin/tokens", Access.ADMIN, f -> get("/api/v1/admin/tokens")),
            row(
                    "POST",
                    "/api/v1/admin/tokens",
                    Access.ADMIN,
                    f -> json(post("/api/v1/admin/tokens"), Map.of("name", "matrix", "role", "READER"))),
            row(
                    "DELETE",
                    "/api/v1/admin/tokens/{id}",
                    Access.ADMIN,
                    f -> delete("/api/v1/admin/tokens/{id}", f.freshTokenId())),
            // ten years of idleness: reaches the handler and revokes none of the fixtures' tokens
            row(
                    "POST",
                    "/api/v1/admin/tokens/idle-reader-revocations",
                    Access.ADMIN,
                    f -> json(post("/api/v1/admin/tokens/idle-reader-revocations"), Map.of("idleDays", 3650))),
            // webhooks: a refused URL (400, nothing stored) and an unknown id (404) reach their handlers
            row(
                    "POST",
                    "/api/v1/admin/webhooks",
                    Access.ADMIN,
                    f -> json(post("/api/v1/admin/webhooks"), WEBHOOK_TO_INTERNAL_ADDRESS)),
            row("GET", "/api/v1/admin/webhooks", Access.ADMIN, f -> get("/api/v1/admin/webhooks")),
            row(
                    "GET",
                    "/api/v1/admin/webhooks/{id}",
                    Access.ADMIN,
                    f -> get("/api/v1/admin/webhooks/{id}", UNKNOWN_WEBHOOK)),
            row(
                    "PUT",
                    "/api/v1/admin/webhooks/{id}",
                    Access.ADMIN,
                    f -> json(put("/api/v1/admin/webhooks/{id}", UNKNOWN_WEBHOOK), WEBHOOK_TO_INTERNAL_ADDRESS)),
            row(
                    "DELETE",
                    "/api/v1/admin/webhooks/{id}",
                    Access.ADMIN,
                    f -> delete("/api/v1/admin/webhooks/{id}", UNKNOWN_WEBHOOK)),
            row(
                    "GET",
                    "/api/v1/admin/webhooks/{id}/deliveries",
                    Access.ADMIN,
                    f -> get("/api/v1/admin/webhooks/{id}/deliveries", UNKNOWN_WEBHOOK)),
            row(
                    "POST",
                    "/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay",
                    Access.ADMIN,
                    f -> post("/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay", UNKNOWN_WEBHOOK, 1)),
            // operations and the API description
            row("GET", "/actuator", Access.ADMIN, f -> get("/actuator")),
            row("GET", "/actuator/health", Access.ANONYMOUS, f -> get("/actuator/health")),
            row("GET", "/actuator/health/**", Access.ANONYMOUS, f -> get("/actuator/health/liveness")),
            row("GET", "/actuator/info", Access.ANONYMOUS, f -> get("/actuator/info")),
            row("GET", "/actuator/prometheus", Access.ADMIN, f -> get("/actuator/prometheus")),
            row("GET", "/v3/api-docs", Access.ANONYMOUS, f -> get("/v3/api-docs")),
            row("GET", "/v3/api-docs.yaml", Access.ANONYMOUS, f -> get("/v3/api-docs.yaml")),
            row("GET", "/v3/api-docs/swagger-config", Access.ANONYMOUS, f -> get("/v3/api-docs/swagger-config")),
            row("GET", "/swagger-ui.html", Access.ANONYMOUS, f -> get("/swagger-ui.html")),
            // the container's error page, reached directly
            row("ANY", "/error", Access.ANONYMOUS, f -> get("/error")));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    TokenService tokenService;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationContext context;

    @Test
    void everyMappedEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> mapped = Endpoints.of(context).stream()
                .map(Endpoints.Endpoint::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> declared = TABLE.stream()
                .map(row -> row.method() + " " + row.pattern())
                .collect(Collectors.toCollection(LinkedHashSet::new));

        Set<String> missing = new LinkedHashSet<>(mapped);
        missing.removeAll(declared);
        Set<String> stale = new LinkedHashSet<>(declared);
        stale.removeAll(mapped);

        assertThat(missing)
                .as("Endpoints without a row in RoleMatrixTests.TABLE: declare who may call them")
                .isEmpty();
        assertThat(stale)
                .as("Rows of RoleMatrixTests.TABLE that match no mapped endpoint: remove or correct them")
                .isEmpty();
    }

    @Test
    void everyRowAnswersEachCallerAsItsRoleAllows() throws Exception {
        Map<Caller, String> bearer = bearerTokens();
        Fixtures fixtures = new Fixtures(mvc, json, tokens.editor(), tokenService);
        List<String> failures = new ArrayList<>();
        Set<String> reached = new LinkedHashSet<>();

        for (Row row : TABLE) {
            for (Caller caller : Caller.values()) {
                MockHttpServletRequestBuilder request = row.call().apply(fixtures);
                if (bearer.containsKey(caller)) {
                    request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer.get(caller));
                }
                MvcResult result = mvc.perform(request).andReturn();
                MockHttpServletResponse response = result.getResponse();
                int status = response.getStatus();
                boolean allowed = caller.access != null && caller.access.compareTo(row.least()) >= 0;
                String expectation;
                if (status >= 500) {
                    expectation = "never a 5xx";
                } else if (allowed && (status == 401 || status == 403)) {
                    expectation = "allowed (neither 401 nor 403)";
                } else if (!allowed && caller.access != null && caller.access != Access.ANONYMOUS && status != 403) {
                    expectation = "403 (role too weak)";
                } else if (!allowed && caller.access == null && status != 401) {
                    expectation = "401 (token no longer valid)";
                } else if (!allowed && caller.access == Access.ANONYMOUS && status != 401) {
                    expectation = "401 (token required)";
                } else if (status >= 400 && !isProblem(response)) {
                    expectation = "an application/problem+json error body";
                } else {
                    expectation = null;
                    if (allowed) {
                        reached.add(reachedKey(result));
                    }
                }
                if (expectation != null) {
                    failures.add("%s as %s: expected %s, got %d %s"
                            .formatted(
                                    row.name(),
                                    caller,
                                    expectation,
                                    status,
                                    abbreviate(response.getContentAsString())));
                }
            }
        }

        Set<String> unreached = Endpoints.of(context).stream()
                .map(RoleMatrixTests::endpointKey)
                .filter(key -> !reached.contains(key))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(failures).as("Role matrix violations").isEmpty();
        assertThat(unreached)
                .as("Handlers that no row's allowed call reached: a row's request misses its endpoint")
                .isEmpty();
    }

    private Map<Caller, String> bearerTokens() {
        Map<Caller, String> bearer = new EnumMap<>(Caller.class);
        bearer.put(Caller.READER, tokens.reader());
        bearer.put(Caller.EDITOR, tokens.editor());
        bearer.put(Caller.ADMIN, tokens.admin());
        bearer.put(Caller.EXPIRED_ADMIN, tokens.expired(Role.ADMIN).token());
        IssuedToken revoked = tokens.issue(Role.ADMIN, null);
        tokenService.revoke(revoked.id());
        bearer.put(Caller.REVOKED_ADMIN, revoked.token());
        return bearer;
    }

    /** The handler a request reached, identified as {@link #endpointKey} identifies a mapping. */
    private static String reachedKey(MvcResult result) {
        Object pattern = result.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String method = result.getRequest().getMethod();
        if (result.getHandler() instanceof HandlerMethod handler) {
            return pattern + " " + handler.getMethod().toGenericString() + " " + method;
        }
        return "not a handler method: " + method + " " + result.getRequest().getRequestURI();
    }

    private static String endpointKey(Endpoints.Endpoint endpoint) {
        // a mapping that takes any method is reached by whichever method the row uses
        String method = endpoint.method() == null
                ? RequestMethod.GET.name()
                : endpoint.method().name();
        return endpoint.pattern() + " " + endpoint.handler().getMethod().toGenericString() + " " + method;
    }

    private static boolean isProblem(MockHttpServletResponse response) {
        return response.getContentType() != null
                && response.getContentType().startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static Row row(
            String method, String pattern, Access least, Function<Fixtures, MockHttpServletRequestBuilder> call) {
        return new Row(method, pattern, "", least, call);
    }

    private static Row row(
            String method,
            String pattern,
            String variant,
            Access least,
            Function<Fixtures, MockHttpServletRequestBuilder> call) {
        return new Row(method, pattern, variant, least, call);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(BODIES.writeValueAsString(body));
    }

    private static MockHttpServletRequestBuilder mergePatch(MockHttpServletRequestBuilder request, String body) {
        return request.contentType("application/merge-patch+json").content(body);
    }

    static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    record Article(long id, String slug, String etag) {}

    record Image(long id, String path) {}

    /**
     * The resources the rows point at, created through the API as an editor: shared ones for reads,
     * fresh ones for calls that change or delete what they name.
     */
    static final class Fixtures {

        private final MockMvc mvc;

        private final JsonMapper json;

        private final String editor;

        private final TokenService tokens;

        private final Map<String, Object> shared = new LinkedHashMap<>();

        Fixtures(MockMvc mvc, JsonMapper json, String editorToken, TokenService tokens) {
            this.mvc = mvc;
            this.json = json;
            this.editor = editorToken;
            this.tokens = tokens;
        }

        String topic() {
            return (String) shared.computeIfAbsent("topic", key -> freshTopic());
        }

        // the topic first: a nested computeIfAbsent on the same map would throw
        Article draft() {
            topic();
            return (Article) shared.computeIfAbsent("draft", key -> freshDraft());
        }

        Article published() {
            topic();
            return (Article) shared.computeIfAbsent("published", key -> freshPublished());
        }

        long partner() {
            return (Long) shared.computeIfAbsent("partner", key -> freshPartner());
        }

        Image image() {
            return (Image) shared.computeIfAbsent("image", key -> freshImage());
        }

        /** A multipart upload in the plain builder the rows use: the part is added to the request. */
        MockHttpServletRequestBuilder imageUpload() {
            byte[] png = MediaFixtures.png(40, 30);
            return post("/api/v1/newsroom/images")
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .with(request -> {
                        request.addPart(new MockPart("file", "matrix.png", png, MediaType.IMAGE_PNG));
                        return request;
                    });
        }

        Image freshImage() {
            JsonNode body = call(imageUpload(), 201);
            return new Image(
                    body.get("id").asLong(),
                    java.net.URI.create(body.get("url").asString()).getPath());
        }

        String freshTopic() {
            return call(json(post("/api/v1/newsroom/topics"), Map.of("name", unique("Matrix topic"))), 201)
                    .get("slug")
                    .asString();
        }

        Map<String, Object> articleRequest() {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("headline", unique("Matrix article"));
            request.put("body", "<p>Role matrix</p>");
            request.put("language", "en");
            request.put("topics", List.of(topic()));
            return request;
        }

        Article freshDraft() {
            MockHttpServletResponse response = perform(json(post("/api/v1/newsroom/articles"), articleRequest()), 201);
            JsonNode body = read(response);
            return new Article(
                    body.get("id").asLong(), body.get("slug").asString(), response.getHeader(HttpHeaders.ETAG));
        }

        Article freshPublished() {
            Article draft = freshDraft();
            call(post("/api/v1/newsroom/articles/{id}/publish", draft.id()), 200);
            return draft;
        }

        Map<String, Object> partnerRequest() {
            return Map.of("name", unique("Matrix partner"), "homepage", "https://news.example.org");
        }

        long freshPartner() {
            return call(json(post("/api/v1/newsroom/partners"), partnerRequest()), 201)
                    .get("id")
                    .asLong();
        }

        Map<String, Object> headlineRequest() {
            return Map.of(
                    "partnerId", partner(),
                    "title", unique("Matrix headline"),
                    "url", "https://news.example.org/" + UUID.randomUUID());
        }

        long freshHeadline() {
            return call(json(post("/api/v1/partner-news"), headlineRequest()), 201)
                    .get("id")
                    .asLong();
        }

        UUID freshTokenId() {
            return tokens.issue("matrix", Role.READER, null, null).id();
        }

        private JsonNode call(MockHttpServletRequestBuilder request, int expected) {
            return read(perform(request, expected));
        }

        private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, int expected) {
            try {
                MockHttpServletResponse response = mvc.perform(
                                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + editor))
                        .andReturn()
                        .getResponse();
                if (response.getStatus() != expected) {
                    throw new IllegalStateException(
                            "fixture not created: " + response.getStatus() + " " + response.getContentAsString());
                }
                return response;
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }

        private JsonNode read(MockHttpServletResponse response) {
            try {
                return json.readTree(response.getContentAsString());
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
