package io.dateline.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapAdminToken becomes an admin token when no admin exists (env
 *     DATELINE_SECURITY_BOOTSTRAPADMINTOKEN); at least 32 characters
 * @param jwtRolesClaim the JWT claim that lists Dateline roles, in JWT mode
 */
@ConfigurationProperties("dateline.security")
record SecurityProperties(
        String bootstrapAdminToken, @DefaultValue("roles") String jwtRolesClaim) {}
