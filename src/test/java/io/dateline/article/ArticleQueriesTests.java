package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.TestDatabase;
import io.dateline.media.PicturesTestConfiguration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read model's SQL on the real database, with "now" passed in so that time is exact. */
@DataJpaTest
@Import({TestDatabase.class, ArticleQueries.class, PicturesTestConfiguration.class})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ArticleQueriesTests {

    @Autowired
    ArticleQueries queries;

    @Autowired
    JdbcClient jdbc;

    Instant now = Instant.parse("2031-03-01T12:00:00Z");

    long topicA;

    long topicB;

    @BeforeEach
    void setUp() {
        topicA = topic("Alpha");
        topicB = topic("Beta");
    }

    @Test
    void visibilityIsPublishedWithATimeThatHasCome() {
        long past = article("PUBLISHED", now.minusSeconds(60), topicA);
        long exactlyNow = article("PUBLISHED", now, topicA);
        long future = article("PUBLISHED", now.plus(1, ChronoUnit.MICROS), topicA);
        long draft = article("DRAFT", null, topicA);
        long archived = article("ARCHIVED", now.minusSeconds(60), topicA);

        List<Long> visible = queries.visibleAmong(List.of(past, exactlyNow, future, draft, archived), now);

        assertThat(visible).containsExactlyInAnyOrder(past, exactlyNow);
    }

    @Test
    void latestIsNewestFirstWithIdAsTieBreaker() {
        Instant time = now.plusSeconds(3600);
        long first = article("PUBLISHED", time, topicA);
        long second = article("PUBLISHED", time, topicA);
        long older = article("PUBLISHED", time.minusSeconds(1), topicA);

        List<Long> ids = queries.visibleIds(time, 3);

        assertThat(ids).containsExactly(second, first, older);
    }

    @Test
    void topicLabelsOfManyArticlesComeInOneQueryPrimaryFirst() {
        long one = article("PUBLISHED", now, topicA);
        long two = article("DRAFT", null, topicB);
        jdbc.sql("insert into article_topic (article_id, topic_id, is_primary) values (?, ?, false)")
                .params(one, topicB)
                .update();

        Map<Long, List<TopicLabel>> labels = queries.topicLabels(List.of(one, two));

        assertThat(labels.get(one)).extracting(TopicLabel::primary).containsExactly(true, false);
        assertThat(labels.get(one).get(0).name()).startsWith("Alpha");
        assertThat(labels.get(two)).hasSize(1);
    }

    @Test
    void publishedCountsPerTopicCountOnlyVisibleArticles() {
        article("PUBLISHED", now.minusSeconds(5), topicA);
        article("PUBLISHED", now.minusSeconds(5), topicA);
        article("PUBLISHED", now.plusSeconds(5), topicA);
        article("DRAFT", null, topicB);

        Map<Long, Long> counts = queries.countPublishedByTopic(now);

        assertThat(counts.get(topicA)).isEqualTo(2);
        assertThat(counts).doesNotContainKey(topicB);
        assertThat(queries.countPublished(topicA, now)).isEqualTo(2);
        assertThat(queries.countAll(topicA)).isEqualTo(3);
        assertThat(queries.countAll(topicB)).isEqualTo(1);
    }

    @Test
    void reassigningMergesRowsAndKeepsOnePrimary() {
        long onlyA = article("DRAFT", null, topicA);
        long both = article("DRAFT", null, topicA);
        jdbc.sql("insert into article_topic (article_id, topic_id, is_primary) values (?, ?, false)")
                .params(both, topicB)
                .update();

        queries.reassignTopic(topicA, topicB);

        assertThat(queries.countAll(topicA)).isZero();
        assertThat(queries.topicLabels(List.of(onlyA, both)))
                .allSatisfy((id, labels) -> assertThat(labels)
                        .singleElement()
                        .satisfies(label -> assertThat(label.primary()).isTrue()));
    }

    @Test
    void visibleRelatedArticlesKeepTheEditorsOrder() {
        long article = article("PUBLISHED", now, topicA);
        long hidden = article("DRAFT", null, topicA);
        long second = article("PUBLISHED", now.minusSeconds(10), topicA);
        long first = article("PUBLISHED", now.minusSeconds(20), topicA);
        int position = 0;
        for (long related : List.of(first, hidden, second)) {
            jdbc.sql("insert into article_related (article_id, position, related_id) values (?, ?, ?)")
                    .params(article, position++, related)
                    .update();
        }

        assertThat(queries.visibleRelatedIds(article, now)).containsExactly(first, second);
    }

    private long topic(String name) {
        String slug = "t-" + UUID.randomUUID();
        return jdbc.sql("""
                        insert into topic (slug, name, position, created_at, updated_at)
                        values (?, ?, 0, now(), now()) returning id
                        """).params(slug, name + " " + slug).query(Long.class).single();
    }

    private long article(String status, Instant publishedAt, long topic) {
        long id = jdbc.sql("""
                        insert into article (slug, language, headline, body_text, page_count, time_zone, status,
                                             published_at, created_at, updated_at, version)
                        values (?, 'en', 'Headline', '', 1, 'Europe/Moscow', ?, ?, now(), now(), 1)
                        returning id
                        """)
                .params("a-" + UUID.randomUUID(), status, publishedAt == null ? null : ArticleQueries.utc(publishedAt))
                .query(Long.class)
                .single();
        jdbc.sql("insert into article_topic (article_id, topic_id, is_primary) values (?, ?, true)")
                .params(id, topic)
                .update();
        return id;
    }
}
