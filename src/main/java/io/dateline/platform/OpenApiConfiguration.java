package io.dateline.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

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
class OpenApiConfiguration {}
