package io.dateline.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.ObjectSchema;
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
}
