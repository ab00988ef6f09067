package io.dateline.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID>, JpaSpecificationExecutor<ApiToken> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findAllByOrderByCreatedAtDesc();

    @Query("""
            select count(t) > 0 from ApiToken t
            where t.role = io.dateline.security.Role.ADMIN and t.revokedAt is null
              and (t.expiresAt is null or t.expiresAt > :now)""")
    boolean existsActiveAdmin(Instant now);

    /**
     * Records use at most once per {@code threshold} interval per token, so that a busy client does
     * not turn every read into a write.
     */
    @Modifying
    @Query("""
            update ApiToken t set t.lastUsedAt = :now
            where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :threshold)""")
    int touch(UUID id, Instant now, Instant threshold);

    @Modifying
    @Query("""
            update ApiToken t set t.revokedAt = :now
            where t.role = io.dateline.security.Role.READER and t.revokedAt is null
              and coalesce(t.lastUsedAt, t.createdAt) < :idleSince""")
    int revokeReadersIdleSince(Instant idleSince, Instant now);
}
