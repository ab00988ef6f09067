package io.dateline.newsroom;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembered POST responses per (caller, Idempotency-Key). A key is claimed by inserting its row in
 * the same transaction that creates the article: a concurrent retry with the same key waits on the
 * unique index until the first commits, then finds the stored response.
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when this call now owns the key; the earlier request's outcome otherwise. */
    Optional<StoredResponse> claim(String principal, String key, String requestHash, Instant now) {
        int inserted = jdbc.sql("""
                        insert into idempotency_key (principal, idempotency_key, request_hash, created_at)
                        values (:principal, :key, :hash, :now)
                        on conflict do nothing
                        """)
                .param("principal", principal)
                .param("key", key)
                .param("hash", requestHash)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select request_hash, status, location, etag, body from idempotency_key
                         where principal = :principal and idempotency_key = :key
                        """)
                .param("principal", principal)
                .param("key", key)
                .query((rs, n) -> new StoredResponse(
                        rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    void complete(String principal, String key, int status, String location, String etag, String body) {
        jdbc.sql("""
                        update idempotency_key set status = :status, location = :location, etag = :etag, body = :body
                         where principal = :principal and idempotency_key = :key
                        """)
                .param("status", status)
                .param("location", location)
                .param("etag", etag)
                .param("body", body)
                .param("principal", principal)
                .param("key", key)
                .update();
    }

    int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotency_key where created_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
    }

    record StoredResponse(String requestHash, int status, String location, String etag, String body) {}
}
