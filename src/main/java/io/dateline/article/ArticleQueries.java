package io.dateline.article;

import io.dateline.media.Picture;
import io.dateline.media.Pictures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model: plain SQL over the article tables, so that a list never loads pages or body
 * text, and each query's plan is visible in the SQL. The public visibility rule is spelled out in
 * every query: {@code status = 'PUBLISHED' and published_at <= :now}.
 */
@Repository
class ArticleQueries {

    private static final String ROW_COLUMNS = "id, slug, headline, lead, dateline, source, byline, language, time_zone,"
            + " page_count, status, published_at, created_at, updated_at, version,"
            + " featured, featured_until, urgency, breaking_until, "
            + Pictures.column("article.lead_image_id") + " as lead_image";

    private final JdbcClient jdbc;

    private final Pictures pictures;

    ArticleQueries(JdbcClient jdbc, Pictures pictures) {
        this.jdbc = jdbc;
        this.pictures = pictures;
    }

    List<ArticleRow> rows(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + ROW_COLUMNS + " from article where id in (:ids)")
                .param("ids", ids)
                .query(this::articleRow)
                .list();
    }

    Optional<ArticleRow> row(long id) {
        return rows(List.of(id)).stream().findFirst();
    }

    Optional<Long> idBySlug(String slug) {
        return jdbc.sql("select id from article where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .optional();
    }

    /** Topics of many articles in one query, primary first. */
    Map<Long, List<TopicLabel>> topicLabels(Collection<Long> ids) {
        Map<Long, List<TopicLabel>> labels = new HashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        jdbc.sql("""
                        select at.article_id, t.slug, t.name, at.is_primary
                          from article_topic at
                          join topic t on t.id = at.topic_id
                         where at.article_id in (:ids)
                         order by at.article_id, at.is_primary desc, t.position, t.name
                        """).param("ids", ids).query(rs -> {
            labels.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(new TopicLabel(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        });
        return labels;
    }

    /** Newest visible articles: a backward range scan of article_published_idx. */
    List<Long> visibleIds(Instant now, int limit) {
        return jdbc.sql("""
                        select id from article
                         where status = 'PUBLISHED' and published_at <= :now
                         order by published_at desc, id desc
                         limit :limit
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** The subset of {@code ids} visible at {@code now}. */
    List<Long> visibleAmong(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id from article
                         where id in (:ids) and status = 'PUBLISHED' and published_at <= :now
                        """)
                .param("ids", ids)
                .param("now", utc(now))
                .query(Long.class)
                .list();
    }

    /** Newest visible articles filed under one topic: a range scan of article_topic_stream_idx. */
    List<Long> visibleIdsInTopic(long topicId, Instant now, int limit) {
        return jdbc.sql("""
                        select article_id from article_topic
                         where topic_id = :topic and published_at is not null and published_at <= :now
                         order by published_at desc, article_id desc
                         limit :limit
                        """)
                .param("topic", topicId)
                .param("now", utc(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** Every page of many articles in one query, in page order. */
    Map<Long, List<String>> pages(Collection<Long> ids) {
        Map<Long, List<String>> pages = new HashMap<>();
        if (ids.isEmpty()) {
            return pages;
        }
        jdbc.sql("""
                        select article_id, body_html from article_page
                         where article_id in (:ids)
                         order by article_id, page_number
                        """).param("ids", ids).query(rs -> {
            pages.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        return pages;
    }

    Optional<String> pageHtml(long articleId, int page) {
        return jdbc.sql("select body_html from article_page where article_id = :id and page_number = :page")
                .param("id", articleId)
                .param("page", page)
                .query(String.class)
                .optional();
    }

    List<ExternalLinkResponse> externalLinks(long articleId) {
        return jdbc.sql("""
                        select title, url, source_name from article_external_link
                         where article_id = :id order by position
                        """)
                .param("id", articleId)
                .query((rs, n) -> new ExternalLinkResponse(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Related articles in the editor's order, only those the public may see. */
    List<Long> visibleRelatedIds(long articleId, Instant now) {
        return jdbc.sql("""
                        select r.related_id
                          from article_related r
                          join article a on a.id = r.related_id
                         where r.article_id = :id
                           and a.status = 'PUBLISHED' and a.published_at <= :now
                         order by r.position
                        """)
                .param("id", articleId)
                .param("now", utc(now))
                .query(Long.class)
                .list();
    }

    /**
     * Reads article_topic alone: its published_at copy is set exactly while the article is
     * published (migration V97). Joining the articles read the whole article table, some 4 GB at a
     * million articles with the search vectors in the row, and outlasted the statement timeout on a
     * cold start; this reads the 80 MB of links (190 ms).
     */
    Map<Long, Long> countPublishedByTopic(Instant now) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                        select topic_id, count(*)
                          from visible_article_topic(:now)
                         group by topic_id
                        """).param("now", utc(now)).query(rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        });
        return counts;
    }

    long countPublished(long topicId, Instant now) {
        return jdbc.sql("""
                        select count(*)
                          from visible_article_topic(:now)
                         where topic_id = :topic
                        """)
                .param("topic", topicId)
                .param("now", utc(now))
                .query(Long.class)
                .single();
    }

    long countAll(long topicId) {
        return jdbc.sql("select count(*) from article_topic where topic_id = :topic")
                .param("topic", topicId)
                .query(Long.class)
                .single();
    }

    /**
     * Moves every article of one topic to another. An article filed under both keeps one row, and
     * stays primary under the new topic if the old one was its primary.
     */
    void reassignTopic(long from, long to) {
        jdbc.sql("""
                        with merged as (
                            delete from article_topic f
                             where f.topic_id = :from
                               and exists (select 1 from article_topic t
                                            where t.article_id = f.article_id and t.topic_id = :to)
                            returning f.article_id, f.is_primary)
                        update article_topic t set is_primary = true
                          from merged m
                         where t.article_id = m.article_id and t.topic_id = :to and m.is_primary
                        """).param("from", from).param("to", to).update();
        jdbc.sql("update article_topic set topic_id = :to where topic_id = :from")
                .param("from", from)
                .param("to", to)
                .update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The pictures the bodies of many articles embed, in one query, in body order. */
    Map<Long, List<Picture>> embeddedPictures(Collection<Long> ids) {
        Map<Long, List<Picture>> images = new HashMap<>();
        if (ids.isEmpty()) {
            return images;
        }
        jdbc.sql("select ai.article_id, " + Pictures.column("ai.image_id") + " as image"
                        + " from article_image ai where ai.article_id in (:ids) order by ai.article_id, ai.position")
                .param("ids", ids)
                .query(rs -> {
                    Picture picture = pictures.read(rs.getString(2));
                    if (picture != null) {
                        images.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                                .add(picture);
                    }
                });
        return images;
    }

    private ArticleRow articleRow(ResultSet rs, int n) throws SQLException {
        return new ArticleRow(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("lead"),
                rs.getString("dateline"),
                rs.getString("source"),
                rs.getString("byline"),
                rs.getString("language"),
                rs.getString("time_zone"),
                rs.getInt("page_count"),
                ArticleStatus.valueOf(rs.getString("status")),
                instant(rs, "published_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"),
                pictures.read(rs.getString("lead_image")),
                rs.getBoolean("featured"),
                instant(rs, "featured_until"),
                rs.getObject("urgency", Integer.class),
                instant(rs, "breaking_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
