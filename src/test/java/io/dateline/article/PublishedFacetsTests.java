package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Filter values that no visible article has are recognised, so feed and search need not scan. */
@DataJpaTest
@Import({TestDatabase.class, PublishedFacets.class})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class PublishedFacetsTests {

    @Autowired
    PublishedFacets facets;

    @Autowired
    JdbcClient jdbc;

    final Instant now = Instant.parse("2031-03-01T12:00:00Z");

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void articles() {
        article("PUBLISHED", now.minusSeconds(60), "Source-" + tag, "Dateline-" + tag, "en");
        article("PUBLISHED", now.plusSeconds(60), "Scheduled-" + tag, "Later-" + tag, "en");
        article("DRAFT", null, "Draft-" + tag, "Unseen-" + tag, "en");
    }

    @Test
    void aSourceOrDatelineOfAVisibleArticleMatchesInAnyCase() {
        assertThat(facets.anyVisible("source-" + tag, null, null, now)).isTrue();
        assertThat(facets.anyVisible(null, "DATELINE-" + tag, null, now)).isTrue();
        assertThat(facets.anyVisible("Source-" + tag, "Dateline-" + tag, List.of("en"), now))
                .isTrue();
        assertThat(facets.anyVisible(null, null, null, now)).isTrue();
    }

    @Test
    void valuesNoVisibleArticleHasMatchNothing() {
        assertThat(facets.anyVisible("zz-" + tag, null, null, now)).isFalse();
        assertThat(facets.anyVisible(null, "nowhere-" + tag, null, now)).isFalse();
        assertThat(facets.anyVisible(null, null, List.of("xx"), now)).isFalse();
        assertThat(facets.anyVisible(null, null, List.of(), now)).isFalse();
    }

    @Test
    void scheduledAndDraftArticlesDoNotCount() {
        assertThat(facets.anyVisible("Scheduled-" + tag, null, null, now)).isFalse();
        assertThat(facets.anyVisible(null, "Unseen-" + tag, null, now)).isFalse();
        assertThat(facets.anyVisible("Scheduled-" + tag, null, null, now.plusSeconds(120)))
                .isTrue();
    }

    private void article(String status, Instant publishedAt, String source, String dateline, String language) {
        jdbc.sql("""
                        insert into article (slug, language, headline, body_text, page_count, source, dateline,
                                             time_zone, status, published_at, created_at, updated_at, version)
                        values (?, ?, 'Headline', '', 1, ?, ?, 'Europe/Moscow', ?, ?, now(), now(), 1)
                        """)
                .params(
                        "f-" + UUID.randomUUID(),
                        language,
                        source,
                        dateline,
                        status,
                        publishedAt == null ? null : ArticleQueries.utc(publishedAt))
                .update();
    }
}
