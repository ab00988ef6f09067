package io.dateline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.TestDatabase;
import io.dateline.article.SummaryRowsTestConfiguration;
import io.dateline.article.TopicLabel;
import io.dateline.media.PicturesTestConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both shapes of the feed's SQL (the stream and the union of topic streams) on the real database,
 * without the web: visibility at the "now" given, order, keyset positions, topic groups, muted
 * topics and the filters on the article's own columns. The articles live in a century no other
 * test writes to, and every query starts there, so the rows other tests committed never show.
 */
@DataJpaTest
@Import({
    TestDatabase.class,
    FeedRepository.class,
    FeedRepositoryTests.Json.class,
    PicturesTestConfiguration.class,
    SummaryRowsTestConfiguration.class
})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class FeedRepositoryTests {

    static final Instant NOW = Instant.parse("2199-01-01T00:00:00Z");

    static final Instant START = NOW.minus(Duration.ofDays(1));

    @Autowired
    FeedRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    FeedFixtures fixtures;

    long economy;

    long politics;

    long sport;

    long muted;

    @BeforeEach
    void topics() {
        fixtures = new FeedFixtures(jdbc, events);
        economy = fixtures.topic("Economy");
        politics = fixtures.topic("Politics");
        sport = fixtures.topic("Sport");
        muted = fixtures.topic("Muted");
    }

    @Test
    void streamIsTheVisibleArticlesNewestFirst() {
        long oldest = fixtures.article("Oldest", "en", "MOSCOW", hoursBefore(3), economy);
        long middle = fixtures.article("Middle", "en", "MOSCOW", hoursBefore(2), economy);
        long newest = fixtures.article("Newest", "en", "MOSCOW", hoursBefore(1), economy);
        fixtures.article("Draft", "en", "MOSCOW", "DRAFT", hoursBefore(1), economy);
        fixtures.article("Archived", "en", "MOSCOW", "ARCHIVED", hoursBefore(1), economy);
        long scheduled = fixtures.article("Scheduled", "en", "MOSCOW", NOW.plusSeconds(60), economy);

        assertThat(ids(all(), null, NOW, 10)).containsExactly(newest, middle, oldest);
        assertThat(ids(all(), null, NOW.plusSeconds(60), 10)).containsExactly(scheduled, newest, middle, oldest);
    }

    @Test
    void keysetPositionContinuesAfterTheLastRowEvenWithinOneInstant() {
        Instant same = hoursBefore(1);
        long first = fixtures.article("One", "en", "MOSCOW", same, economy);
        long second = fixtures.article("Two", "en", "MOSCOW", same, economy);
        long older = fixtures.article("Three", "en", "MOSCOW", hoursBefore(2), economy);

        List<FeedRow> page = repository.page(all(), null, NOW, 1);
        List<Long> rest = ids(all(), page.get(0).position(), NOW, 10);

        assertThat(page.get(0).summary().id()).isEqualTo(Math.max(first, second));
        assertThat(rest).containsExactly(Math.min(first, second), older);
    }

    @Test
    void topicStreamsUniteTheFollowedTopicsAndDropTheMutedOnes() {
        long inEconomy = fixtures.article("Economy", "en", "MOSCOW", hoursBefore(5), economy);
        long inPolitics = fixtures.article("Politics", "en", "MOSCOW", hoursBefore(4), politics);
        long inBoth = fixtures.article("Both", "en", "MOSCOW", hoursBefore(3), economy, politics);
        fixtures.article("Muted economy", "en", "MOSCOW", hoursBefore(2), economy, muted);
        fixtures.article("Sport only", "en", "MOSCOW", hoursBefore(1), sport);
        fixtures.article("Unpublished economy", "en", "MOSCOW", "DRAFT", hoursBefore(1), economy);
        FeedQuery followed = all().requireAnyOf(Set.of(economy, politics)).exclude(Set.of(muted));

        List<FeedRow> page = repository.page(followed, null, NOW, 10);
        List<Long> afterFirst = ids(followed, page.get(0).position(), NOW, 10);

        assertThat(page).extracting(row -> row.summary().id()).containsExactly(inBoth, inPolitics, inEconomy);
        assertThat(afterFirst).containsExactly(inPolitics, inEconomy);
    }

    @Test
    void everyTopicGroupMustMatch() {
        fixtures.article("Economy only", "en", "MOSCOW", hoursBefore(3), economy);
        long economyAndSport = fixtures.article("Economy and sport", "en", "MOSCOW", hoursBefore(2), economy, sport);
        long politicsAndSport = fixtures.article("Politics and sport", "en", "MOSCOW", hoursBefore(1), politics, sport);
        FeedQuery query = all().requireAnyOf(Set.of(economy, politics)).requireAnyOf(Set.of(sport));

        assertThat(ids(query, null, NOW, 10)).containsExactly(politicsAndSport, economyAndSport);
    }

    @Test
    void filtersOnTheArticlesOwnColumnsApplyInBothShapes() {
        long english = fixtures.article("English", "en", "LONDON", hoursBefore(3), economy);
        long russian = fixtures.article("Russian", "ru", "MOSCOW", hoursBefore(2), economy);
        long older = fixtures.article("Older", "ru", "MOSCOW", hoursBefore(30), economy);
        FeedQuery russianInMoscow = all().inLanguages(Set.of("ru")).between(START, null, null, "moscow");
        FeedQuery englishBySource =
                all().between(START, NOW, fixtures.source().toUpperCase(), null).inLanguages(Set.of("en"));

        assertThat(ids(russianInMoscow, null, NOW, 10)).containsExactly(russian);
        assertThat(ids(russianInMoscow.requireAnyOf(Set.of(economy)), null, NOW, 10))
                .containsExactly(russian);
        assertThat(ids(englishBySource, null, NOW, 10)).containsExactly(english);
        assertThat(ids(englishBySource.requireAnyOf(Set.of(economy)), null, NOW, 10))
                .containsExactly(english);
        assertThat(ids(all().inLanguages(Set.of("ru")).requireAnyOf(Set.of(economy)), null, NOW, 10))
                .containsExactly(russian);
        assertThat(ids(
                        FeedQuery.ALL.between(START.minus(Duration.ofDays(1)), START, fixtures.source(), null),
                        null,
                        NOW,
                        10))
                .containsExactly(older);
    }

    @Test
    void aTopicStreamShowsAScheduledArticleWhenItsTimeComes() {
        long published = fixtures.article("Published", "en", "MOSCOW", hoursBefore(1), economy);
        long scheduled = fixtures.article("Scheduled", "en", "MOSCOW", NOW.plusSeconds(60), economy);
        FeedQuery stream = all().requireAnyOf(Set.of(economy));

        assertThat(ids(stream, null, NOW, 10)).containsExactly(published);
        assertThat(ids(stream, null, NOW.plusSeconds(60), 10)).containsExactly(scheduled, published);
    }

    @Test
    void aRowCarriesItsTopicsPrimaryFirstAndItsLocalTime() {
        Instant publishedAt = hoursBefore(1);
        long id = fixtures.article("With topics", "en", "MOSCOW", publishedAt, politics, economy);

        FeedRow row = repository.page(all(), null, NOW, 1).get(0);

        assertThat(row.summary().id()).isEqualTo(id);
        assertThat(row.summary().topics())
                .extracting(TopicLabel::slug)
                .containsExactly(fixtures.slugOf(politics), fixtures.slugOf(economy));
        assertThat(row.summary().topics().get(0).primary()).isTrue();
        assertThat(row.summary().publishedAt().toInstant()).isEqualTo(publishedAt);
        assertThat(row.summary().publishedAt().getOffset().getTotalSeconds()).isEqualTo(3 * 3600);
        assertThat(row.position()).isEqualTo(new FeedPosition(publishedAt, id));
    }

    /** Everything from the test's own day on: rows other tests committed are older. */
    private static FeedQuery all() {
        return FeedQuery.ALL.between(START, null, null, null);
    }

    private List<Long> ids(FeedQuery query, FeedPosition after, Instant now, int limit) {
        return repository.page(query, after, now, limit).stream()
                .map(row -> row.summary().id())
                .toList();
    }

    private static Instant hoursBefore(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Json {

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }
    }
}
