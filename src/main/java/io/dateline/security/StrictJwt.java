package io.dateline.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.StringUtils;

/**
 * The checks every JWT must pass in JWT mode on top of its signature (which the decoder verifies,
 * refusing {@code alg: none} and algorithms other than the key's): the configured issuer, one of
 * the configured audiences, an expiry, and the time window with a bounded clock skew. They wrap
 * whatever decoder is configured, so they hold however the identity provider is plugged in.
 */
final class StrictJwt {

    private StrictJwt() {}

    /** Fails start-up when JWT mode is on without an issuer and an audience to check. */
    static void requireSettings(SecurityProperties properties) {
        if (!StringUtils.hasText(properties.jwtIssuer())
                || properties.jwtAudiences().isEmpty()) {
            throw new IllegalStateException("JWT mode is on (a JwtDecoder is configured, e.g. by"
                    + " spring.security.oauth2.resourceserver.jwt.issuer-uri or .jwk-set-uri), so"
                    + " dateline.security.jwt-issuer and dateline.security.jwt-audiences must be set:"
                    + " without them, tokens the identity provider minted for other applications would be"
                    + " accepted");
        }
    }

    static JwtDecoder decoder(JwtDecoder signatureChecked, SecurityProperties properties) {
        requireSettings(properties);
        OAuth2TokenValidator<Jwt> validator = validator(properties);
        return token -> {
            Jwt jwt = signatureChecked.decode(token);
            OAuth2TokenValidatorResult result = validator.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException(
                        result.getErrors().iterator().next().getDescription(), result.getErrors());
            }
            return jwt;
        };
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        List<String> audiences = properties.jwtAudiences();
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().stream().anyMatch(audiences::contains)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(invalid("The token is not meant for this service (aud)"));
        OAuth2TokenValidator<Jwt> expires = jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(invalid("The token has no expiry (exp)"));
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.jwtClockSkew()),
                expires,
                new JwtIssuerValidator(properties.jwtIssuer()),
                audience);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error("invalid_token", description, null);
    }
}
