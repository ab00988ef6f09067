package io.dateline.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/** Resolves the service's own opaque tokens against their stored hashes. */
class DatabaseTokenIntrospector implements OpaqueTokenIntrospector {

    private final TokenService tokens;

    DatabaseTokenIntrospector(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        return tokens.authenticate(token)
                .orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
    }
}
