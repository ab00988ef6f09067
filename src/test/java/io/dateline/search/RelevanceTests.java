package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelevanceTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static final Duration MONTH = Duration.ofDays(30);

    @Test
    void aFreshArticleKeepsItsRank() {
        assertThat(Relevance.score(0.8, NOW, NOW, MONTH)).isEqualTo(0.8);
    }

    @Test
    void anArticleOneHalfLifeOldCountsHalfTwoAThird() {
        assertThat(Relevance.score(0.8, NOW.minus(MONTH), NOW, MONTH)).isCloseTo(0.4, within(1e-12));
        assertThat(Relevance.score(0.9, NOW.minus(MONTH.multipliedBy(2)), NOW, MONTH))
                .isCloseTo(0.3, within(1e-12));
    }

    @Test
    void todayBeatsTenYearsAgoWithTheSameWords() {
        double today = Relevance.score(0.5, NOW.minus(Duration.ofHours(3)), NOW, MONTH);
        double decadeAgo = Relevance.score(0.5, NOW.minus(Duration.ofDays(3652)), NOW, MONTH);

        assertThat(today).isGreaterThan(100 * decadeAgo);
    }

    @Test
    void aHeadlineHitFromLastMonthBeatsAPassingMentionFromToday() {
        // headline tier: 1 + a cover density rank; body mention: a small rank alone
        double headline = Relevance.score(1.09, NOW.minus(Duration.ofDays(20)), NOW, MONTH);
        double mention = Relevance.score(0.17, NOW.minus(Duration.ofHours(1)), NOW, MONTH);

        assertThat(headline).isGreaterThan(mention);
    }

    @Test
    void theFutureCountsAsNow() {
        assertThat(Relevance.score(0.6, NOW.plus(Duration.ofDays(2)), NOW, MONTH))
                .isEqualTo(0.6);
    }

    @Test
    void aShorterHalfLifeFavoursRecencyMore() {
        Instant weekOld = NOW.minus(Duration.ofDays(7));

        assertThat(Relevance.score(1, weekOld, NOW, Duration.ofDays(7)))
                .isLessThan(Relevance.score(1, weekOld, NOW, MONTH));
    }
}
