package io.dateline.article;

import io.dateline.media.Pictures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public summary as the feed and search select it in their own SQL: one select list and one
 * row mapper, so that every list shows an article with the same members, computed the same way.
 *
 * <p>The page's topics come back with the rows as a JSON array built by a correlated subquery, and
 * the lead image as a JSON object by a primary-key probe of image, both evaluated by PostgreSQL only
 * for the rows returned; the flags are article's functions of V115 at {@code :now}.
 */
@Component
public class SummaryRows {

    /** The select list over {@code a}, an article row (e.g. of visible_article(:now)); binds {@code :now}. */
    public static final String COLUMNS = """
            a.id, a.slug, a.headline, a.lead, a.dateline, a.source, a.language, a.published_at,
                   a.time_zone, a.page_count, a.version, a.updated_at,
                   (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name, 'primary', x.is_primary)
                                             order by x.is_primary desc, tp.position, tp.name), '[]')
                      from article_topic_link x join topic tp on tp.id = x.topic_id
                     where x.article_id = a.id) as topics,
                   article_featured(a.featured, a.featured_until, :now) as featured,
                   case when article_breaking(a.breaking_until, :now) then a.urgency end as urgency,
                   """ + Pictures.column("a.lead_image_id") + " as lead_image";

    private static final TypeReference<List<TopicLabel>> TOPICS = new TypeReference<>() {};

    private final JsonMapper json;

    private final ArticleLinks links;

    private final Pictures pictures;

    SummaryRows(JsonMapper json, ArticleLinks links, Pictures pictures) {
        this.json = json;
        this.links = links;
        this.pictures = pictures;
    }

    /** The summary of the current row of a {@link #COLUMNS} select; publishedAt is null for a draft. */
    public ArticleSummary read(ResultSet rs) throws SQLException {
        Timestamp publishedAt = rs.getTimestamp("published_at");
        String timeZone = rs.getString("time_zone");
        OffsetDateTime local = publishedAt == null
                ? null
                : publishedAt.toInstant().atZone(ZoneId.of(timeZone)).toOffsetDateTime();
        Integer urgency = rs.getObject("urgency", Integer.class);
        return new ArticleSummary(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("lead"),
                rs.getString("dateline"),
                rs.getString("source"),
                rs.getString("language"),
                json.readValue(rs.getString("topics"), TOPICS),
                local,
                timeZone,
                rs.getInt("page_count"),
                links.url(rs.getString("slug")),
                ArticleSummary.publicUpdatedAt(
                        rs.getTimestamp("updated_at").toInstant(),
                        publishedAt == null ? null : publishedAt.toInstant(),
                        timeZone),
                pictures.read(rs.getString("lead_image")),
                rs.getBoolean("featured"),
                urgency != null,
                urgency);
    }
}
