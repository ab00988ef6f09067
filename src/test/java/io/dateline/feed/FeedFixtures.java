package io.dateline.feed;

import io.dateline.platform.PublicPagesChanged;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes topics and articles straight into the tables, so that feed tests can build hundreds of
 * articles quickly and exactly where they need them in time. Each fixture set has its own random
 * tag, used in slugs and as the source credit, so tests never see each other's data.
 */
class FeedFixtures {

    private final JdbcClient jdbc;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    private final ApplicationEventPublisher events;

    FeedFixtures(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * These writes bypass the services, so they announce themselves as the services do: otherwise
     * the anonymous page cache would rightly keep serving the pages they change.
     */
    private <T> T changed(T result) {
        events.publishEvent(PublicPagesChanged.content());
        return result;
    }

    /** The source credit every article of this fixture set carries. */
    String source() {
        return "src-" + tag;
    }

    long topic(String name) {
        String slug = name.toLowerCase().replace(' ', '-') + "-" + tag;
        Instant now = Instant.now();
        return changed(jdbc.sql("""
                        insert into topic (slug, name, position, created_at, updated_at)
                        values (:slug, :name, 100, :now, :now) returning id""")
                .param("slug", slug)
                .param("name", name + " " + tag)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single());
    }

    String slugOf(long topicId) {
        return jdbc.sql("select slug from topic where id = :id")
                .param("id", topicId)
                .query(String.class)
                .single();
    }

    long article(String headline, String language, String dateline, Instant publishedAt, long... topicIds) {
        return article(headline, language, dateline, "PUBLISHED", publishedAt, topicIds);
    }

    long article(
            String headline, String language, String dateline, String status, Instant publishedAt, long... topicIds) {
        Instant now = Instant.now();
        long id = jdbc.sql("""
                        insert into article (slug, language, headline, lead, body_text, page_count, dateline, source,
                                             time_zone, status, published_at, first_published_at, created_at,
                                             updated_at, version)
                        values (:slug, :language, :headline, 'Lead.', 'Body.', 1, :dateline, :source,
                                'Europe/Moscow', :status, :publishedAt, :publishedAt, :now, :now, 1)
                        returning id""")
                .param("slug", "a-" + tag + "-" + UUID.randomUUID().toString().substring(0, 12))
                .param("language", language)
                .param("headline", headline)
                .param("dateline", dateline)
                .param("source", source())
                .param("status", status)
                .param("publishedAt", publishedAt == null ? null : publishedAt.atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        boolean primary = true;
        for (long topicId : topicIds) {
            jdbc.sql("insert into article_topic (article_id, topic_id, is_primary) values (:a, :t, :p)")
                    .param("a", id)
                    .param("t", topicId)
                    .param("p", primary)
                    .update();
            primary = false;
        }
        return changed(id);
    }

    void unpublish(long articleId) {
        jdbc.sql("update article set status = 'DRAFT', version = version + 1 where id = :id")
                .param("id", articleId)
                .update();
        changed(articleId);
    }

    void edit(long articleId) {
        jdbc.sql("update article set headline = headline || '!', version = version + 1 where id = :id")
                .param("id", articleId)
                .update();
        changed(articleId);
    }

    static List<Long> ids(List<Integer> json) {
        return json.stream().map(Integer::longValue).toList();
    }
}
