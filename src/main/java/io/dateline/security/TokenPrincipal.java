package io.dateline.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The caller behind a token the service issued. {@code subject} is the reader id for READER tokens
 * (the identity that owns preferences) and the token's own id otherwise.
 */
public record TokenPrincipal(UUID tokenId, String tokenName, Role role, String subject)
        implements OAuth2AuthenticatedPrincipal {

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("token_id", tokenId.toString(), "role", role.name(), "sub", subject);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getName() {
        return subject;
    }
}
