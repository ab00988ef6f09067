package io.dateline.syndication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook and webhook_delivery tables: subscriptions, the delivery queue and its log. */
@Repository
class WebhookStore {

    static final String PENDING = "PENDING";

    static final String DELIVERED = "DELIVERED";

    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Webhook(
            long id,
            String url,
            List<String> eventTypes,
            String secret,
            String description,
            Instant createdAt,
            Instant updatedAt) {}

    /** A delivery claimed by this instance until its lease runs out. */
    record Claimed(
            long id,
            long webhookId,
            String url,
            String secret,
            String eventType,
            UUID eventId,
            String payload,
            int attempts,
            Instant createdAt) {}

    record Delivery(
            long id,
            long webhookId,
            UUID eventId,
            String eventType,
            String status,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant lastAttemptAt,
            Integer lastStatusCode,
            String lastError,
            Long replayOf) {}

    long insert(String url, List<String> eventTypes, String secret, String description, Instant now) {
        return jdbc.sql("""
                        insert into webhook (url, event_types, secret, description, created_at, updated_at)
                        values (:url, :types, :secret, :description, :now, :now)
                        returning id
                        """)
                .param("url", url)
                .param("types", String.join(",", eventTypes))
                .param("secret", secret)
                .param("description", description)
                .param("now", utc(now))
                .query(Long.class)
                .single();
    }

    /** Replaces the subscription; a null secret keeps the current one. */
    boolean update(long id, String url, List<String> eventTypes, String secret, String description, Instant now) {
        return jdbc.sql("""
                        update webhook set url = :url, event_types = :types, secret = coalesce(:secret, secret),
                               description = :description, updated_at = :now
                         where id = :id
                        """)
                        .param("id", id)
                        .param("url", url)
                        .param("types", String.join(",", eventTypes))
                        .param("secret", secret)
                        .param("description", description)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from webhook where id = :id").param("id", id).update() == 1;
    }

    Optional<Webhook> find(long id) {
        return jdbc.sql("""
                        select id, url, event_types, secret, description, created_at, updated_at
                          from webhook where id = :id
                        """).param("id", id).query((rs, n) -> webhook(rs)).optional();
    }

    List<Webhook> list() {
        return jdbc.sql("""
                        select id, url, event_types, secret, description, created_at, updated_at
                          from webhook order by id
                        """).query((rs, n) -> webhook(rs)).list();
    }

    /**
     * One pending delivery per subscribed webhook; none twice for one event (the outbox may hand
     * an event over again after a crash).
     */
    int enqueue(String eventType, UUID eventId, String payload, Instant now) {
        return jdbc.sql("""
                        insert into webhook_delivery (webhook_id, event_id, event_type, payload, status, created_at,
                                                      next_attempt_at)
                        select id, :eventId, :type, :payload, 'PENDING', :now, :now from webhook
                         where :type = any (string_to_array(event_types, ','))
                        on conflict (webhook_id, event_id) where replay_of is null do nothing
                        """)
                .param("eventId", eventId)
                .param("type", eventType)
                .param("payload", payload)
                .param("now", utc(now))
                .update();
    }

    /**
     * Takes up to {@code limit} due deliveries for this instance: other instances skip the locked
     * rows, and the moved next_attempt_at keeps them away until the lease ends.
     */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update webhook_delivery d set next_attempt_at = :leaseUntil, attempts = d.attempts + 1
                          from webhook w
                         where w.id = d.webhook_id
                           and d.id in (select id from webhook_delivery
                                         where status = 'PENDING' and next_attempt_at <= :now
                                         order by next_attempt_at
                                         limit :limit
                                         for update skip locked)
                        returning d.id, d.webhook_id, w.url, w.secret, d.event_type, d.event_id, d.payload,
                                  d.attempts, d.created_at
                        """)
                .param("now", utc(now))
                .param("leaseUntil", utc(leaseUntil))
                .param("limit", limit)
                .query((rs, n) -> new Claimed(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        rs.getInt(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Records the outcome of the attempt that claimed the delivery; a worker whose lease ran out
     * and whose delivery was taken up again (a later attempt) records nothing.
     */
    void finish(
            long id,
            int attempt,
            String status,
            Integer statusCode,
            String error,
            Instant attemptedAt,
            Instant nextAttemptAt) {
        jdbc.sql("""
                        update webhook_delivery
                           set status = :status, last_status_code = :code, last_error = :error,
                               last_attempt_at = :at, next_attempt_at = :next
                         where id = :id and attempts = :attempt and status = 'PENDING'
                        """)
                .param("id", id)
                .param("attempt", attempt)
                .param("status", status)
                .param("code", statusCode)
                .param("error", error == null ? null : truncate(error, 500))
                .param("at", utc(attemptedAt))
                .param("next", nextAttemptAt == null ? null : utc(nextAttemptAt))
                .update();
    }

    /** A webhook's deliveries, newest first, after the delivery id {@code before} when given. */
    List<Delivery> deliveries(long webhookId, Long before, int limit) {
        return jdbc.sql("""
                        select id, webhook_id, event_id, event_type, status, attempts, created_at, next_attempt_at,
                               last_attempt_at, last_status_code, last_error, replay_of
                          from webhook_delivery
                         where webhook_id = :webhook and (cast(:before as bigint) is null or id < :before)
                         order by id desc
                         limit :limit
                        """)
                .param("webhook", webhookId)
                .param("before", before)
                .param("limit", limit)
                .query((rs, n) -> new Delivery(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        instant(rs.getObject(7, OffsetDateTime.class)),
                        instant(rs.getObject(8, OffsetDateTime.class)),
                        instant(rs.getObject(9, OffsetDateTime.class)),
                        (Integer) rs.getObject(10),
                        rs.getString(11),
                        (Long) rs.getObject(12)))
                .list();
    }

    /** A new pending delivery of the same event and body; empty when no such delivery of this webhook. */
    Optional<Long> replay(long webhookId, long deliveryId, Instant now) {
        return jdbc.sql("""
                        insert into webhook_delivery (webhook_id, event_id, event_type, payload, status, created_at,
                                                      next_attempt_at, replay_of)
                        select webhook_id, event_id, event_type, payload, 'PENDING', :now, :now, id
                          from webhook_delivery where id = :delivery and webhook_id = :webhook
                        returning id
                        """)
                .param("webhook", webhookId)
                .param("delivery", deliveryId)
                .param("now", utc(now))
                .query(Long.class)
                .optional();
    }

    Optional<Delivery> delivery(long webhookId, long deliveryId) {
        return deliveries(webhookId, deliveryId + 1, 1).stream()
                .filter(delivery -> delivery.id() == deliveryId)
                .findFirst();
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(
                rs.getLong(1),
                rs.getString(2),
                List.of(rs.getString(3).split(",")),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(7, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
