package io.dateline.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues, checks and revokes the service's own bearer tokens.
 *
 * <p>Active tokens are remembered by their hash for {@code dateline.security.token-cache-ttl}, so
 * that an app sending its token with every read does not cost a query (and a write) per request.
 * Unknown, expired and revoked tokens are never remembered. A revocation drops the token here after
 * its commit; other instances stop accepting it when their entry expires.
 */
@Service
public class TokenService {

    /** Prefix that makes a leaked token easy to recognise for secret scanners. */
    static final String PREFIX = "dl_";

    private static final int SECRET_BYTES = 32;

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** Cloned per use: a clone is far cheaper than the provider lookup of getInstance. */
    private static final MessageDigest SHA_256 = sha256();

    private final SecureRandom random = new SecureRandom();

    private final ApiTokenRepository tokens;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final Cache<String, Active> active;

    TokenService(
            ApiTokenRepository tokens, TransactionTemplate transactions, SecurityProperties properties, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
        this.active = Caffeine.newBuilder()
                .expireAfterWrite(properties.tokenCacheTtl())
                .maximumSize(10_000)
                .build();
    }

    /** What a successful lookup learnt; the expiry is checked again on every use. */
    private record Active(TokenPrincipal principal, Instant expiresAt) {

        boolean at(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }
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

    public Optional<TokenPrincipal> authenticate(String token) {
        Instant now = clock.instant();
        // a load runs under the entry's lock: a revocation's eviction waits for it and then drops
        // what it loaded, so a lookup racing a revocation cannot keep the token alive here
        Active found = active.get(hash(token), hash -> transactions.execute(status -> lookup(hash, now)));
        return found != null && found.at(now) ? Optional.of(found.principal()) : Optional.empty();
    }

    private Active lookup(String hash, Instant now) {
        return tokens.findByTokenHash(hash)
                .filter(candidate -> candidate.isActiveAt(now))
                .map(token -> {
                    tokens.touch(token.id(), now, now.minus(TOUCH_INTERVAL));
                    String subject = token.subject() != null
                            ? token.subject()
                            : token.id().toString();
                    return new Active(
                            new TokenPrincipal(token.id(), token.name(), token.role(), subject), token.expiresAt());
                })
                .orElse(null);
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
                    forgetAfterCommit(token.tokenHash());
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

    private void forgetAfterCommit(String hash) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                active.invalidate(hash);
            }
        });
    }

    static String hash(String token) {
        try {
            MessageDigest digest = (MessageDigest) SHA_256.clone();
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("the SHA-256 implementation cannot be cloned", ex);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
