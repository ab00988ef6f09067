package io.dateline.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;

/**
 * The error responses that follow from what an operation is, said once here rather than on each
 * handler: a path variable can name nothing (404), a parameter or body can be invalid (400), a body
 * can have the wrong Content-Type (415), Accept can admit nothing the operation produces (406), a
 * token can be missing or too weak (401, 403), a budget can be spent (429), and the database can be
 * away (503). A handler documents only the problems its own rules produce (409, 412, 422...), with a
 * description; every problem response gets the one {@code ProblemDetail} schema, whatever the
 * annotation said. Operations that need no token say so with an empty {@code security}, which is
 * what lint tools and generators read as "anonymous" rather than "forgotten".
 *
 * <p>Runs after every other customizer, so that what they add is completed too.
 */
class ProblemResponses implements OpenApiCustomizer, Ordered {

    static final String PROBLEM_JSON = "application/problem+json";

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    static final String SCHEMA = "ProblemDetail";

    private static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (operation.getResponses() == null) {
                        operation.setResponses(new ApiResponses());
                    }
                    addInferredProblems(path, method, operation);
                    operation.getResponses().forEach((status, response) -> {
                        if (status.startsWith("4") || status.startsWith("5")) {
                            asProblem(response);
                        }
                    });
                    if (operation.getSecurity() == null) {
                        operation.setSecurity(new ArrayList<>());
                    }
                }));
        if (api.getComponents() != null) {
            api.getComponents().addSchemas(SCHEMA, problemDetailSchema());
            api.getPaths().values().forEach(item -> item.readOperations().forEach(ProblemResponses::mergePatchBody));
        }
    }

    /**
     * A JSON merge patch (RFC 7396) is any subset of the resource's members, where null clears one; held
     * to the full request schema, its required members and non-null types would reject every real patch.
     */
    private static void mergePatchBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType patch = operation.getRequestBody().getContent().get(MERGE_PATCH_JSON);
        if (patch == null || patch.getSchema() == null || patch.getSchema().get$ref() == null) {
            return;
        }
        String resource = patch.getSchema()
                .get$ref()
                .substring(patch.getSchema().get$ref().lastIndexOf('/') + 1);
        patch.setSchema(new ObjectSchema()
                .description("A JSON merge patch (RFC 7396) of " + resource + ": any of its members; a member"
                        + " present replaces the current value, null clears an optional one"));
    }

    private static void addInferredProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (body || !parameters.isEmpty()) {
            responses.putIfAbsent(
                    "400",
                    problem("Invalid request: a field or parameter fails its constraints (/problems/validation,"
                            + " one entry per field in errors), has the wrong type (/problems/invalid-parameter),"
                            + " or the body is not JSON of the expected shape (/problems/malformed-request)"));
        }
        if (tokenRequired(operation)) {
            responses.putIfAbsent("401", problem("No valid bearer token: missing, unknown, expired or revoked"));
            responses.putIfAbsent("403", problem("The token's role does not allow this"));
        } else {
            // the bearer filter checks any token sent, even to anonymous endpoints
            responses.putIfAbsent(
                    "401",
                    problem("A bearer token was sent but is unknown, expired or revoked; send none to call"
                            + " anonymously"));
        }
        if (path.contains("{")) {
            responses.putIfAbsent("404", problem("Nothing has the id or slug given in the path"));
        }
        if (producesBody(operation)) {
            responses.putIfAbsent(
                    "406", problem("The Accept header admits none of the media types this operation produces"));
        }
        if (parameters.stream().anyMatch(parameter -> "If-Match".equalsIgnoreCase(parameter.getName()))) {
            responses.putIfAbsent("412", problem("If-Match does not match the current ETag"));
        }
        if (body) {
            responses.putIfAbsent("415", problem("The Content-Type is not one this operation accepts"));
        }
        // mirrors the budgets of security/RateLimits: writes, and searches with suggestions
        boolean safe = method == PathItem.HttpMethod.GET
                || method == PathItem.HttpMethod.HEAD
                || method == PathItem.HttpMethod.OPTIONS;
        if (!safe || path.startsWith("/api/v1/search")) {
            responses.putIfAbsent(
                    "429",
                    problem("A rate-limit budget is spent (/problems/rate-limited); Retry-After and the RateLimit"
                            + " header say when to retry"));
        }
        responses.putIfAbsent(
                "503",
                problem("The database did not answer in time (/problems/database-unavailable); retry after the"
                        + " time in Retry-After"));
    }

    private static boolean tokenRequired(Operation operation) {
        return operation.getSecurity() != null
                && !operation.getSecurity().isEmpty()
                && operation.getSecurity().stream().noneMatch(Map::isEmpty);
    }

    private static boolean producesBody(Operation operation) {
        return operation.getResponses().entrySet().stream()
                .anyMatch(response -> response.getKey().startsWith("2")
                        && response.getValue().getContent() != null
                        && !response.getValue().getContent().isEmpty());
    }

    /**
     * Every error is answered as problem+json with the one schema; springdoc would otherwise give an
     * annotation without a schema the handler's return type, and reflect Spring's ProblemDetail class
     * (whose URIs it declares absolute, and whose extensions it cannot know).
     */
    private static void asProblem(ApiResponse response) {
        Content content = response.getContent();
        if (content == null || content.isEmpty()) {
            content = new Content();
            response.setContent(content);
        }
        MediaType problem = content.computeIfAbsent(PROBLEM_JSON, type -> new MediaType());
        // an annotation without a media type lands under the operation's own; its examples are problems
        content.forEach((type, other) -> {
            if (other != problem && problem.getExamples() == null && problem.getExample() == null) {
                if (other.getExamples() != null) {
                    problem.setExamples(other.getExamples());
                } else if (other.getExample() != null) {
                    problem.setExample(other.getExample());
                }
            }
        });
        content.keySet().removeIf(type -> !type.equals(PROBLEM_JSON));
        problem.setSchema(new Schema<>().$ref(SCHEMA_REF));
    }

    private static ApiResponse problem(String description) {
        ApiResponse response = new ApiResponse().description(description);
        asProblem(response);
        return response;
    }

    /**
     * RFC 9457's members, then the extension members that problems of this API carry (see
     * ProblemException#with). {@code type} and {@code instance} are relative references such as
     * {@code /problems/validation}, hence uri-reference rather than uri.
     */
    @SuppressWarnings("rawtypes")
    static Schema problemDetailSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details. Besides the standard members, a problem may carry the"
                        + " extension members listed here, each named in the description of the problem type"
                        + " that sends it; clients should ignore members they do not know.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri-reference")
                                .description("The problem type: a stable reference under /problems/")
                                .example("/problems/validation"))
                .addProperty("title", new StringSchema().description("Short summary of the problem type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("This occurrence, in words safe to show"))
                .addProperty(
                        "instance",
                        new StringSchema().format("uri-reference").description("The request path that failed"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("validation: one entry per invalid field or parameter")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())))
                .addProperty(
                        "unknownTopics",
                        new ArraySchema()
                                .description("unknown-topic: the slugs that name no topic")
                                .items(new StringSchema()))
                .addProperty(
                        "unknownArticleIds",
                        new ArraySchema()
                                .description("The ids that name no article")
                                .items(new StringSchema()))
                .addProperty(
                        "maxResults",
                        new IntegerSchema().description("search-too-deep: how many results relevance ranks"))
                .addProperty("code", new StringSchema().description("The currency code at fault"))
                .addProperty(
                        "codes", new ArraySchema().items(new StringSchema()).description("The currency codes at fault"))
                .addProperty("source", new StringSchema().description("The rate source at fault"))
                .addProperty(
                        "allowed", new ArraySchema().items(new StringSchema()).description("The values accepted"))
                .addProperty("date", new StringSchema().format("date").description("The day at fault"))
                .addProperty("firstDate", new StringSchema().format("date").description("The first day with rates"))
                .addProperty("latestDate", new StringSchema().format("date").description("The latest day with rates"))
                .addProperty("slug", new StringSchema().description("The slug at fault"))
                .addProperty("parent", new StringSchema().description("The parent topic at fault"))
                .addProperty("id", new Schema<>().description("The id at fault"))
                .addProperty("articleId", new Schema<>().description("The article at fault"))
                .addProperty("articleCount", new IntegerSchema().description("How many articles use the topic"))
                .addProperty("pageCount", new IntegerSchema().description("How many pages the article has"))
                .addProperty("partnerId", new IntegerSchema().description("The partner at fault"))
                .addProperty("jobId", new IntegerSchema().description("The job that is queued or running"))
                .addProperty("property", new StringSchema().description("The JSON property at fault"))
                .addProperty("parameter", new StringSchema().description("The parameter at fault"))
                .addProperty("header", new StringSchema().description("The header at fault"))
                .addProperty("idempotencyKey", new StringSchema().description("The Idempotency-Key reused"));
    }
}
