package io.dateline.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapAdminToken becomes an admin token when no admin exists (env
 *     DATELINE_SECURITY_BOOTSTRAPADMINTOKEN); at least 32 characters
 * @param jwtRolesClaim the JWT claim that lists Dateline roles, in JWT mode
 * @param tokenCacheTtl how long a successful lookup of one of the service's own tokens is reused
 *     without asking the database; a revocation on this instance takes effect at once, one on
 *     another instance within this time, so keep it to seconds
 */
@ConfigurationProperties("dateline.security")
record SecurityProperties(
        String bootstrapAdminToken,
        @DefaultValue("roles") String jwtRolesClaim,
        @DefaultValue("5s") Duration tokenCacheTtl) {}
