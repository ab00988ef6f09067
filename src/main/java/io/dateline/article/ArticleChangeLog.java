package io.dateline.article;

import io.dateline.media.Pictures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the change feed over article_change (migration V110): reading a page, and the
 * sequencer's statement that gives committed changes their positions.
 */
@Repository
class ArticleChangeLog {

    /**
     * Any constant shared by every instance: the advisory lock that lets one sequencer run at a time
     * in the whole cluster.
     */
    static final long SEQUENCER_LOCK = 0x6461_7465_6c63_6867L;

    private static final TypeReference<List<TopicLabel>> TOPICS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final ArticleLinks links;

    private final Pictures pictures;

    ArticleChangeLog(JdbcClient jdbc, JsonMapper json, ArticleLinks links, Pictures pictures) {
        this.jdbc = jdbc;
        this.json = json;
        this.links = links;
        this.pictures = pictures;
    }

    /**
     * One page in one statement: a range scan of article_change_position_uidx joined to each
     * article as it is now. Topics are aggregated only for the visible ones; a missing article is a
     * purged one.
     *
     * <p>An entry was placed because its time had come by the sequencer's clock, so a publish time
     * up to the entry's effective_at counts as come even where this instance's clock lags: else an
     * instance a little behind would show a scheduled article that just went live as unpublished,
     * and the app, past that entry, would never get it.
     */
    List<ArticleChange> after(long position, Instant now, int limit) {
        return jdbc.sql("""
                        select c.position, c.kind, c.article_id, a.id is not null as present,
                               a.status, a.slug, a.headline, a.lead, a.dateline, a.source, a.language,
                               a.time_zone, a.page_count, a.published_at, a.updated_at, a.version,
                               article_featured(a.featured, a.featured_until, :now) as featured,
                               case when article_breaking(a.breaking_until, :now) then a.urgency end as urgency,
                               v.visible,
                               case when v.visible then
                                   (select coalesce(json_agg(json_build_object('slug', tp.slug, 'name', tp.name,
                                                                               'primary', x.is_primary)
                                                             order by x.is_primary desc, tp.position, tp.name), '[]')
                                      from article_topic x join topic tp on tp.id = x.topic_id
                                     where x.article_id = a.id)
                               end as topics,
                               case when v.visible then
                        """ + Pictures.column("a.lead_image_id") + """
                               end as lead_image
                          from article_change c
                          left join article a on a.id = c.article_id
                          cross join lateral (select coalesce(a.status = 'PUBLISHED'
                                                              and a.published_at <= greatest(:now, c.effective_at),
                                                              false) as visible) v
                         where c.position > :after
                         order by c.position
                         limit :limit
                        """)
                .param("after", position)
                .param("now", utc(now))
                .param("limit", limit)
                .query(this::change)
                .list();
    }

    /**
     * Tries to take the cluster-wide sequencer lock for the current transaction; false when another
     * transaction holds it (it is doing the same work).
     */
    boolean lockSequencer() {
        return jdbc.sql("select pg_try_advisory_xact_lock(:key)")
                .param("key", SEQUENCER_LOCK)
                .query(Boolean.class)
                .single();
    }

    /**
     * Gives the committed pending changes whose time has come the next positions, and drops the
     * older positioned rows of the same articles: the new row stands for them (a data-modifying WITH
     * runs to completion whether or not it is read). Run only under the
     * sequencer lock, so that positions are handed out in the order readers can see them.
     *
     * @return how many changes got a position
     */
    int sequence(Instant now, int batch) {
        return jdbc.sql("""
                        with due as (
                            select id from article_change
                             where position is null and effective_at <= :now
                             order by effective_at, id
                             limit :batch
                               for update skip locked),
                        placed as (
                            update article_change c set position = nextval('article_change_position_seq')
                              from due where c.id = due.id
                            returning c.article_id, c.position),
                        replaced as (
                            delete from article_change old using placed p
                             where old.article_id = p.article_id and old.position < p.position
                            returning 1)
                        select count(*) from placed
                        """)
                .param("now", utc(now))
                .param("batch", batch)
                .query(Integer.class)
                .single();
    }

    private ArticleChange change(ResultSet rs, int rowNum) throws SQLException {
        long position = rs.getLong("position");
        long articleId = rs.getLong("article_id");
        if (!rs.getBoolean("present")) {
            return new ArticleChange(position, "deleted", articleId, null, 0);
        }
        long version = rs.getLong("version");
        if (!rs.getBoolean("visible")) {
            String type = ArticleStatus.ARCHIVED.name().equals(rs.getString("status")) ? "archived" : "unpublished";
            return new ArticleChange(position, type, articleId, null, version);
        }
        String kind = rs.getString("kind");
        String type = kind.equals("updated") ? "updated" : "published";
        String timeZone = rs.getString("time_zone");
        Instant publishedAt = rs.getObject("published_at", OffsetDateTime.class).toInstant();
        Instant updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
        String slug = rs.getString("slug");
        ArticleSummary summary = new ArticleSummary(
                articleId,
                slug,
                rs.getString("headline"),
                rs.getString("lead"),
                rs.getString("dateline"),
                rs.getString("source"),
                rs.getString("language"),
                json.readValue(rs.getString("topics"), TOPICS),
                publishedAt.atZone(ZoneId.of(timeZone)).toOffsetDateTime(),
                timeZone,
                rs.getInt("page_count"),
                links.url(slug),
                ArticleSummary.publicUpdatedAt(updatedAt, publishedAt, timeZone),
                pictures.read(rs.getString("lead_image")),
                rs.getBoolean("featured"),
                rs.getObject("urgency") != null,
                rs.getObject("urgency", Integer.class));
        return new ArticleChange(position, type, articleId, summary, version);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
