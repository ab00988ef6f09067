package io.dateline.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dateline.article.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The aggregate's own rules, without Spring or a database. */
class ArticleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T10:00:00Z"));

    private final Article article = Article.draft(content("Headline"), "headline", clock.instant());

    @Test
    void publishingWithoutATimeMeansNow() {
        assertThat(article.publish(null, clock)).isTrue();

        assertThat(article.publishedAt()).isEqualTo(clock.instant());
        assertThat(article.statusAt(clock.instant())).isEqualTo("PUBLISHED");
        assertThat(article.slugIsPermanent()).isTrue();
    }

    @Test
    void publishingInTheFutureSchedules() {
        Instant later = clock.instant().plus(Duration.ofHours(2));

        article.publish(later, clock);

        assertThat(article.statusAt(clock.instant())).isEqualTo("SCHEDULED");
        assertThat(article.statusAt(later)).isEqualTo("PUBLISHED");
    }

    @Test
    void republishingALiveArticleWithoutATimeChangesNothing() {
        article.publish(null, clock);
        Instant first = article.publishedAt();
        clock.advance(Duration.ofMinutes(5));

        assertThat(article.publish(null, clock)).isFalse();
        assertThat(article.publishedAt()).isEqualTo(first);
    }

    @Test
    void publishingAScheduledArticleWithoutATimePublishesItNow() {
        article.publish(clock.instant().plus(Duration.ofDays(1)), clock);

        assertThat(article.publish(null, clock)).isTrue();
        assertThat(article.publishedAt()).isEqualTo(clock.instant());
    }

    @Test
    void archivedArticlesMustBeUnpublishedBeforePublishing() {
        article.archive(clock);

        assertThatThrownBy(() -> article.publish(null, clock)).isInstanceOf(ArticleStateException.class);
        assertThat(article.unpublish(clock)).isTrue();
        assertThat(article.publish(null, clock)).isTrue();
    }

    @Test
    void unpublishingADraftAndArchivingTwiceChangeNothing() {
        assertThat(article.unpublish(clock)).isFalse();
        assertThat(article.archive(clock)).isTrue();
        assertThat(article.archive(clock)).isFalse();
    }

    @Test
    void theSlugIsPermanentOnceScheduledOrPublished() {
        article.renameSlug("renamed");
        article.publish(clock.instant().plusSeconds(60), clock);
        article.unpublish(clock);

        assertThatThrownBy(() -> article.renameSlug("again")).isInstanceOf(IllegalStateException.class);
        assertThat(article.slug()).isEqualTo("renamed");
    }

    @Test
    void revisingKeepsPageCountAndTopicsInStep() {
        article.revise(
                new ArticleContent(
                        "New",
                        null,
                        List.of("<p>1</p>", "<p>2</p>"),
                        "1\n\n2",
                        null,
                        null,
                        null,
                        "ru",
                        "Europe/Moscow",
                        List.of(new ArticleTopic(1, false), new ArticleTopic(2, true)),
                        List.of(),
                        List.of(7L),
                        11L,
                        List.of(12L, 13L)),
                clock.instant());

        assertThat(article.pages()).hasSize(2);
        assertThat(article.leadImageId()).isEqualTo(11L);
        assertThat(article.imageIds()).containsExactly(12L, 13L);
        assertThat(article.allImageIds()).containsExactlyInAnyOrder(11L, 12L, 13L);
        assertThat(article.topics()).extracting(ArticleTopic::topicId).containsExactlyInAnyOrder(1L, 2L);
        assertThat(article.relatedIds()).containsExactly(7L);
        assertThatThrownBy(() -> article.revise(content("No topics", List.of()), clock.instant()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ArticleContent content(String headline) {
        return content(headline, List.of(new ArticleTopic(1, true)));
    }

    private static ArticleContent content(String headline, List<ArticleTopic> topics) {
        return new ArticleContent(
                headline,
                "lead",
                List.of("<p>x</p>"),
                "x",
                "MOSCOW",
                "Dateline",
                null,
                "en",
                "Europe/Moscow",
                topics,
                List.of(),
                List.of(),
                null,
                List.of());
    }
}
