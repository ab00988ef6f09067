package io.dateline.syndication;

import io.dateline.platform.PublicPagesChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partner headlines in plain SQL: the insert that makes imports idempotent ("on conflict (url) do
 * nothing") and the keyset page of the public block.
 */
@Repository
class PartnerNewsStore {

    private static final String COLUMNS =
            "n.id, n.title, n.url, n.published_at, n.topic_id, p.id as partner_id, p.name, p.homepage";

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    PartnerNewsStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    record Headline(long partnerId, String title, String url, Instant publishedAt, Long topicId) {}

    record Row(
            long id,
            String title,
            String url,
            Instant publishedAt,
            Long topicId,
            long partnerId,
            String partnerName,
            String partnerHomepage) {}

    /** Inserts the headline unless its url is known; returns the new id, or empty when known. */
    Optional<Long> insertIfNew(Headline headline, String origin, Instant now) {
        Optional<Long> id = jdbc.sql("""
                        insert into partner_news (partner_id, title, url, published_at, topic_id, origin, created_at)
                        values (:partner, :title, :url, :publishedAt, :topic, :origin, :now)
                        on conflict (url) do nothing
                        returning id""")
                .param("partner", headline.partnerId())
                .param("title", headline.title())
                .param("url", headline.url())
                .param("publishedAt", utc(headline.publishedAt()))
                .param("topic", headline.topicId())
                .param("origin", origin)
                .param("now", utc(now))
                .query(Long.class)
                .optional();
        if (id.isPresent()) {
            events.publishEvent(PublicPagesChanged.content());
        }
        return id;
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from partner_news n join partner p on p.id = n.partner_id"
                        + " where n.id = :id")
                .param("id", id)
                .query(PartnerNewsStore::row)
                .optional();
    }

    Optional<Row> findByUrl(String url) {
        return jdbc.sql("select " + COLUMNS + " from partner_news n join partner p on p.id = n.partner_id"
                        + " where n.url = :url")
                .param("url", url)
                .query(PartnerNewsStore::row)
                .optional();
    }

    /**
     * Up to {@code limit} headlines published by {@code now}, newest first, after the given
     * position; a backward scan of partner_news_published_idx, or of partner_news_topic_idx for
     * one topic.
     */
    List<Row> page(Long topicId, Instant afterAt, Long afterId, Instant now, int limit) {
        StringBuilder sql = new StringBuilder("select ")
                .append(COLUMNS)
                .append(" from partner_news n join partner p on p.id = n.partner_id")
                .append(" where n.published_at <= :now");
        if (topicId != null) {
            sql.append(" and n.topic_id = :topic");
        }
        if (afterAt != null) {
            sql.append(" and (n.published_at, n.id) < (:afterAt, :afterId)");
        }
        sql.append(" order by n.published_at desc, n.id desc limit :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("now", utc(now)).param("limit", limit);
        if (topicId != null) {
            statement = statement.param("topic", topicId);
        }
        if (afterAt != null) {
            statement = statement.param("afterAt", utc(afterAt)).param("afterId", afterId);
        }
        return statement.query(PartnerNewsStore::row).list();
    }

    boolean delete(long id) {
        boolean deleted = jdbc.sql("delete from partner_news where id = :id")
                        .param("id", id)
                        .update()
                > 0;
        if (deleted) {
            events.publishEvent(PublicPagesChanged.content());
        }
        return deleted;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long topic = rs.getLong("topic_id");
        Long topicId = rs.wasNull() ? null : topic;
        return new Row(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("url"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                topicId,
                rs.getLong("partner_id"),
                rs.getString("name"),
                rs.getString("homepage"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
