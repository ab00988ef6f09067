package io.dateline.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapAdminToken becomes an admin token when no admin exists (env
 *     DATELINE_SECURITY_BOOTSTRAPADMINTOKEN); at least 32 characters
 * @param jwtRolesClaim the JWT claim that lists Dateline roles, in JWT mode
 * @param jwtIssuer in JWT mode, the only accepted {@code iss}; required, so that tokens of another
 *     identity provider that shares the signing keys are refused
 * @param jwtAudiences in JWT mode, the {@code aud} values meant for this service (one must be in
 *     the token); required, so that tokens the same identity provider minted for other
 *     applications are refused
 * @param jwtClockSkew tolerance on {@code exp} and {@code nbf} for clocks that drift; Spring's own
 *     check allows at most 60s, so larger values have no effect
 * @param tokenCacheTtl how long a successful lookup of one of the service's own tokens is reused
 *     without asking the database; a revocation on this instance takes effect at once, one on
 *     another instance within this time, so keep it to seconds
 */
@ConfigurationProperties("dateline.security")
record SecurityProperties(
        String bootstrapAdminToken,
        @DefaultValue("roles") String jwtRolesClaim,
        String jwtIssuer,
        @DefaultValue List<String> jwtAudiences,
        @DefaultValue("30s") Duration jwtClockSkew,
        @DefaultValue("5s") Duration tokenCacheTtl) {}
