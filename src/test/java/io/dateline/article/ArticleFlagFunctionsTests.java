package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.TestDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * article_featured and article_breaking (migration V115), through which feed and search read the
 * flags: a flag counts until the instant of its end, not at it; and PostgreSQL inlines both, so
 * that the partial indexes of V116 serve the filters.
 */
@DataJpaTest
@Import(TestDatabase.class)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ArticleFlagFunctionsTests {

    @Autowired
    JdbcClient jdbc;

    final Instant now = Instant.parse("2032-07-01T12:00:00Z");

    @Test
    void aPinCountsUntilItsEndOrForEver() {
        assertThat(featured(true, null)).isTrue();
        assertThat(featured(true, now.plus(1, ChronoUnit.MICROS))).isTrue();
        assertThat(featured(true, now)).isFalse();
        assertThat(featured(false, null)).isFalse();
    }

    @Test
    void breakingNewsCountsUntilItsEnd() {
        assertThat(breaking(now.plus(1, ChronoUnit.MICROS))).isTrue();
        assertThat(breaking(now)).isFalse();
        assertThat(breaking(null)).isFalse();
    }

    @Test
    void postgresInlinesTheFlagsIntoIndexConditions() {
        jdbc.sql("set local enable_seqscan = off").update();

        String featured = plan("select id from visible_article(?) a"
                + " where article_featured(a.featured, a.featured_until, ?)"
                + " order by a.published_at desc, a.id desc limit 20");
        String breaking = plan("select id from visible_article(?) a where article_breaking(a.breaking_until, ?)"
                + " order by a.published_at desc, a.id desc limit 20");

        assertThat(featured).contains("article_featured_idx").doesNotContain("article_featured(");
        assertThat(breaking).contains("article_breaking_idx").doesNotContain("article_breaking(");
    }

    private boolean featured(boolean featured, Instant until) {
        return jdbc.sql("select article_featured(?, ?, ?)")
                .params(featured, until == null ? null : utc(until), utc(now))
                .query(Boolean.class)
                .single();
    }

    private boolean breaking(Instant until) {
        return jdbc.sql("select article_breaking(?, ?)")
                .params(until == null ? null : utc(until), utc(now))
                .query(Boolean.class)
                .single();
    }

    private String plan(String sql) {
        List<String> lines = jdbc.sql("explain (costs off) " + sql)
                .params(utc(now), utc(now))
                .query(String.class)
                .list();
        return String.join("\n", lines);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
