package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.TestDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The functions through which feed, search and syndication read articles (migration V97): they
 * must say exactly what "visible to the public" means at the "now" they are given, and PostgreSQL
 * must inline them, or every caller's plan would read the whole table through a function scan.
 */
@DataJpaTest
@Import(TestDatabase.class)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class VisibleArticleFunctionsTests {

    @Autowired
    JdbcClient jdbc;

    final Instant now = Instant.parse("2032-07-01T12:00:00Z");

    long topic;

    long past;

    long exactlyNow;

    long scheduled;

    long draft;

    long archived;

    @BeforeEach
    void articles() {
        topic = jdbc.sql("insert into topic (slug, name, position, created_at, updated_at)"
                        + " values (?, ?, 0, now(), now()) returning id")
                .params("t-" + UUID.randomUUID(), "Visibility " + UUID.randomUUID())
                .query(Long.class)
                .single();
        past = article("PUBLISHED", now.minusSeconds(60));
        exactlyNow = article("PUBLISHED", now);
        scheduled = article("PUBLISHED", now.plus(1, ChronoUnit.MICROS));
        draft = article("DRAFT", null);
        archived = article("ARCHIVED", now.minusSeconds(60));
    }

    @Test
    void visibleArticlesArePublishedWithATimeThatHasCome() {
        assertThat(ids("select id from visible_article(?) where id in (%s)", now))
                .containsExactlyInAnyOrder(past, exactlyNow);
        assertThat(ids("select article_id from visible_article_topic(?) where article_id in (%s)", now))
                .containsExactlyInAnyOrder(past, exactlyNow);
    }

    @Test
    void aScheduledArticleBecomesVisibleWhenItsTimeComes() {
        Instant later = now.plusSeconds(1);

        assertThat(ids("select id from visible_article(?) where id in (%s)", later))
                .containsExactlyInAnyOrder(past, exactlyNow, scheduled);
        assertThat(ids("select id from scheduled_article(?) where id in (%s)", now))
                .containsExactly(scheduled);
        assertThat(ids("select article_id from scheduled_article_topic(?) where article_id in (%s)", now))
                .containsExactly(scheduled);
    }

    @Test
    void editorsScopesByStatus() {
        assertThat(ids("select id from article_in_status(?) where id in (%s)", "DRAFT"))
                .containsExactly(draft);
        assertThat(ids("select id from article_in_status(?) where id in (%s)", "ARCHIVED"))
                .containsExactly(archived);
        assertThat(ids("select article_id from article_topic_link where article_id in (%s)"))
                .containsExactlyInAnyOrder(past, exactlyNow, scheduled, draft, archived);
    }

    @Test
    void postgresInlinesTheFunctionsIntoTheCallersPlan() {
        jdbc.sql("set local enable_seqscan = off").update();

        List<String> stream = plan("select id from visible_article(?) order by published_at desc, id desc limit 20");
        List<String> topicStream = plan("select article_id from visible_article_topic(?) where topic_id = " + topic
                + " order by published_at desc, article_id desc limit 20");

        assertThat(String.join("\n", stream)).doesNotContain("Function Scan").contains("article_published_idx");
        assertThat(String.join("\n", topicStream))
                .doesNotContain("Function Scan")
                .contains("article_topic_stream_idx");
    }

    private List<String> plan(String sql) {
        return jdbc.sql("explain (costs off) " + sql)
                .param(utc(now))
                .query(String.class)
                .list();
    }

    private List<Long> ids(String sql, Object... params) {
        String all = List.of(past, exactlyNow, scheduled, draft, archived).stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        Object[] bound =
                params.length == 1 && params[0] instanceof Instant instant ? new Object[] {utc(instant)} : params;
        return jdbc.sql(sql.formatted(all)).params(bound).query(Long.class).list();
    }

    private long article(String status, Instant publishedAt) {
        long id = jdbc.sql("""
                        insert into article (slug, language, headline, body_text, page_count, time_zone, status,
                                             published_at, created_at, updated_at, version)
                        values (?, 'en', 'Headline', '', 1, 'Europe/Moscow', ?, ?, now(), now(), 1)
                        returning id
                        """)
                .params("v-" + UUID.randomUUID(), status, publishedAt == null ? null : utc(publishedAt))
                .query(Long.class)
                .single();
        jdbc.sql("insert into article_topic (article_id, topic_id, is_primary) values (?, ?, true)")
                .params(id, topic)
                .update();
        return id;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
