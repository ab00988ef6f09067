package io.dateline.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document's header and the one security scheme that endpoints refer to with
 * {@code @SecurityRequirement(name = "bearer")}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Dateline API",
                        version = "v1",
                        description = "News articles, topics, feeds, search and currency rates. Reads of published"
                                + " content are anonymous; editorial operations need an EDITOR bearer token."))
@SecurityScheme(
        name = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "A token issued by POST /api/v1/admin/tokens or POST /api/v1/readers")
class OpenApiConfiguration {

    static {
        // Merge patches are bound as JsonNode; clients send a JSON object, not Jackson's node model.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    /**
     * Every operation that requires a token answers 401 without a valid one and 403 with a token of
     * too small a role; an anonymous one answers 401 to an invalid token; every problem response has
     * the ProblemDetail schema. Said once here rather
     * than on each handler.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            // mirrors the budgets of security/RateLimits: writes, and searches with suggestions
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        boolean safe = method == PathItem.HttpMethod.GET
                                || method == PathItem.HttpMethod.HEAD
                                || method == PathItem.HttpMethod.OPTIONS;
                        if (!safe || path.startsWith("/api/v1/search")) {
                            operation
                                    .getResponses()
                                    .putIfAbsent(
                                            "429",
                                            problem("A rate-limit budget is spent (/problems/rate-limited); Retry-After"
                                                    + " and the RateLimit header say when to retry"));
                        }
                    }));
            api.getPaths()
                    .values()
                    .forEach(item -> item.readOperations().forEach(operation -> {
                        boolean tokenRequired = operation.getSecurity() != null
                                && !operation.getSecurity().isEmpty()
                                && operation.getSecurity().stream().noneMatch(requirement -> requirement.isEmpty());
                        if (tokenRequired) {
                            operation
                                    .getResponses()
                                    .putIfAbsent(
                                            "401",
                                            problem("No valid bearer token: missing, unknown, expired or revoked"));
                            operation
                                    .getResponses()
                                    .putIfAbsent("403", problem("The token's role does not allow this"));
                        } else {
                            // the bearer filter checks any token sent, even to anonymous endpoints
                            operation
                                    .getResponses()
                                    .putIfAbsent(
                                            "401",
                                            problem("A bearer token was sent but is unknown, expired or revoked;"
                                                    + " send none to call anonymously"));
                        }
                        operation.getResponses().values().forEach(response -> {
                            if (response.getContent() != null) {
                                MediaType problem = response.getContent().get(PROBLEM_JSON);
                                if (problem != null && problem.getSchema() == null) {
                                    problem.setSchema(new Schema<>().$ref("#/components/schemas/ProblemDetail"));
                                }
                            }
                        });
                    }));
            if (api.getComponents() != null
                    && (api.getComponents().getSchemas() == null
                            || !api.getComponents().getSchemas().containsKey("ProblemDetail"))) {
                api.getComponents().addSchemas("ProblemDetail", problemDetailSchema());
            }
        };
    }

    private static final String PROBLEM_JSON = "application/problem+json";

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemDetailSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("/problems/validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
    }
}
