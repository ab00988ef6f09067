package io.dateline.search;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Marks the bearer token of GET /api/v1/search as optional, which annotations cannot express:
 * OpenAPI spells "anonymous, or with this scheme" as an empty security requirement next to the
 * scheme's. Only the editors' status= variant needs a token.
 */
@Configuration(proxyBeanMethods = false)
class SearchOpenApi {

    @Bean
    OpenApiCustomizer optionalSearchToken() {
        return openApi -> {
            PathItem path =
                    openApi.getPaths() == null ? null : openApi.getPaths().get(SearchController.PATH);
            if (path != null && path.getGet() != null) {
                path.getGet().addSecurityItem(new SecurityRequirement());
            }
        };
    }
}
