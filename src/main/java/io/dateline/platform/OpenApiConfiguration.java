package io.dateline.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;
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

    /** Error responses, the ProblemDetail schema and explicit anonymity: see {@link ProblemResponses}. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    /**
     * A member that holds another schema or null ({@code @Schema(nullable = true)} on a record, e.g.
     * a summary's leadImage) comes out of swagger-core as {@code {"type": "null", "$ref": ...}},
     * which no value satisfies but null; it is written as {@code anyOf: [{$ref}, {type: null}]}.
     */
    @Bean
    OpenApiCustomizer nullableReferences() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            for (Schema<?> model : openApi.getComponents().getSchemas().values()) {
                if (model.getProperties() == null) {
                    continue;
                }
                model.getProperties().replaceAll((name, member) -> nullableReference(member));
            }
        };
    }

    private static Schema<?> nullableReference(Schema<?> member) {
        boolean nullable = Boolean.TRUE.equals(member.getNullable())
                || (member.getTypes() != null && member.getTypes().contains("null"));
        if (member.get$ref() == null || !nullable) {
            return member;
        }
        Schema<?> either = new JsonSchema();
        either.setDescription(member.getDescription());
        either.setAnyOf(List.of(new JsonSchema().$ref(member.get$ref()), new JsonSchema().types(Set.of("null"))));
        return either;
    }
}
