package io.dateline.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    private UUID id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "token_hash")
    private String tokenHash;

    private String subject;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant revokedAt;

    private Instant lastUsedAt;

    protected ApiToken() {}

    ApiToken(String name, Role role, String tokenHash, String subject, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.role = role;
        this.tokenHash = tokenHash;
        this.subject = subject;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }

    String subject() {
        return subject;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    String tokenHash() {
        return tokenHash;
    }
}
