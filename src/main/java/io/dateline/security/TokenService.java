package io.dateline.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes the service's own bearer tokens. */
@Service
public class TokenService {

    /** Prefix that makes a leaked token easy to recognise for secret scanners. */
    static final String PREFIX = "dl_";

    private static final int SECRET_BYTES = 32;

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();

    private final ApiTokenRepository tokens;

    private final Clock clock;

    TokenService(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken issue(String name, Role role, Instant expiresAt, String subject) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return store(name, role, expiresAt, subject, token);
    }

    /** Stores a token whose secret was chosen elsewhere (the configured bootstrap admin token). */
    @Transactional
    IssuedToken store(String name, Role role, Instant expiresAt, String subject, String token) {
        ApiToken entity = new ApiToken(name, role, hash(token), subject, clock.instant(), expiresAt);
        tokens.save(entity);
        return new IssuedToken(entity.id(), token, name, role, expiresAt);
    }

    @Transactional
    public Optional<TokenPrincipal> authenticate(String token) {
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(token))
                .filter(candidate -> candidate.isActiveAt(now))
                .map(active -> {
                    tokens.touch(active.id(), now, now.minus(TOUCH_INTERVAL));
                    String subject = active.subject() != null
                            ? active.subject()
                            : active.id().toString();
                    return new TokenPrincipal(active.id(), active.name(), active.role(), subject);
                });
    }

    @Transactional(readOnly = true)
    public List<TokenView> list() {
        Instant now = clock.instant();
        return tokens.findAllByOrderByCreatedAtDesc().stream()
                .map(token -> TokenView.of(token, now))
                .toList();
    }

    /** Revokes a token; revoking twice is harmless. Returns false when no such token exists. */
    @Transactional
    public boolean revoke(UUID id) {
        return tokens.findById(id)
                .map(token -> {
                    token.revoke(clock.instant());
                    return true;
                })
                .orElse(false);
    }

    @Transactional(readOnly = true)
    boolean activeAdminExists() {
        return tokens.existsActiveAdmin(clock.instant());
    }

    @Transactional(readOnly = true)
    boolean exists(String token) {
        return tokens.findByTokenHash(hash(token)).isPresent();
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }

    /** What an admin may see of a token: everything but its secret. */
    public record TokenView(
            UUID id,
            String name,
            Role role,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt,
            boolean active) {

        static TokenView of(ApiToken token, Instant now) {
            return new TokenView(
                    token.id(),
                    token.name(),
                    token.role(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.revokedAt(),
                    token.lastUsedAt(),
                    token.isActiveAt(now));
        }
    }
}
