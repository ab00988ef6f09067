package io.dateline.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dateline.platform.Cursors;
import jakarta.persistence.criteria.Predicate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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

    /**
     * Last use is recorded at most once an hour per token: precise enough to find tokens idle for
     * days, and a busy reader costs one write an hour instead of one per request.
     */
    static final Duration TOUCH_INTERVAL = Duration.ofHours(1);

    static final int MAX_PAGE_SIZE = 200;

    /** Cloned per use: a clone is far cheaper than the provider lookup of getInstance. */
    private static final MessageDigest SHA_256 = sha256();

    private final SecureRandom random = new SecureRandom();

    private final ApiTokenRepository tokens;

    private final Cursors cursors;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final Cache<String, Active> active;

    TokenService(
            ApiTokenRepository tokens,
            Cursors cursors,
            TransactionTemplate transactions,
            SecurityProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.cursors = cursors;
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

    /** Whether a listed token is still usable, was revoked, or ran out. */
    public enum TokenState {
        ACTIVE,
        REVOKED,
        EXPIRED
    }

    /** One page of tokens, newest first; {@code nextCursor} is null on the last page. */
    public record TokenPage(List<TokenView> items, String nextCursor) {}

    @Transactional(readOnly = true)
    public TokenPage list(Role role, TokenState state, String cursor, int size) {
        Instant now = clock.instant();
        String query = "tokens|" + role + "|" + state;
        List<String> after = cursor == null ? null : cursors.decode(cursor, query);
        Specification<ApiToken> filter = (root, criteria, where) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (role != null) {
                predicates.add(where.equal(root.get("role"), role));
            }
            if (state != null) {
                Predicate unexpired =
                        where.or(where.isNull(root.get("expiresAt")), where.greaterThan(root.get("expiresAt"), now));
                predicates.add(
                        switch (state) {
                            case ACTIVE -> where.and(where.isNull(root.get("revokedAt")), unexpired);
                            case REVOKED -> where.isNotNull(root.get("revokedAt"));
                            case EXPIRED -> where.and(where.isNull(root.get("revokedAt")), where.not(unexpired));
                        });
            }
            if (after != null) {
                Instant createdAt = Instant.parse(after.get(0));
                UUID id = UUID.fromString(after.get(1));
                predicates.add(where.or(
                        where.lessThan(root.get("createdAt"), createdAt),
                        where.and(
                                where.equal(root.get("createdAt"), createdAt),
                                where.lessThan(root.<UUID>get("id"), id))));
            }
            return where.and(predicates.toArray(Predicate[]::new));
        };
        List<ApiToken> rows = tokens.findAll(
                        filter, PageRequest.of(0, size + 1, Sort.by(Sort.Direction.DESC, "createdAt", "id")))
                .getContent();
        List<ApiToken> page = rows.subList(0, Math.min(size, rows.size()));
        String next = null;
        if (rows.size() > size) {
            ApiToken last = page.get(page.size() - 1);
            next = cursors.encode(
                    query, List.of(last.createdAt().toString(), last.id().toString()));
        }
        return new TokenPage(
                page.stream().map(token -> TokenView.of(token, now)).toList(), next);
    }

    /**
     * Revokes every active READER token not used for {@code idle} (never used counts from its
     * issue); an app install that comes back registers again. Returns how many were revoked.
     */
    @Transactional
    public int revokeIdleReaders(Duration idle) {
        Instant now = clock.instant();
        // last use is recorded once per TOUCH_INTERVAL, so it may lag by that much
        int revoked = tokens.revokeReadersIdleSince(now.minus(idle).minus(TOUCH_INTERVAL), now);
        if (revoked > 0) {
            // which hashes went is not returned by the bulk update: forget every remembered token
            forgetAllAfterCommit();
        }
        return revoked;
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

    private void forgetAllAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                active.invalidateAll();
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
