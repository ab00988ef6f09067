package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.search.SearchRepository.Candidate;
import io.dateline.search.SearchRepository.Found;
import io.dateline.search.SearchRepository.Position;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a walk through the newest articles that found too few matches goes on (SearchService). */
class WalkOnTests {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void readsOnAsFarAsTheRestNeedsAtTheDensitySeenWithAMargin() {
        // "lake industry" at a million articles: 177 of 201 in the newest 2,000
        int rows = SearchService.walkOnRows(201, 2_000, 177);
        assertThat(rows).isBetween(400, 500);
        assertThat(rows * 177.0 / 2_000).as("matches expected on the way").isGreaterThan(24 + 3 * Math.sqrt(24));

        // one missing match is still looked for well beyond where it is expected
        assertThat(SearchService.walkOnRows(201, 2_000, 200) * 200.0 / 2_000).isGreaterThanOrEqualTo(7);
    }

    @Test
    void neverReadsMoreThanOneWalkAtTheDenseShareWould() {
        int cap = (int) Math.ceil(201 / SearchService.DENSE_SHARE);
        assertThat(SearchService.walkOnRows(201, 2_000, 100)).isLessThanOrEqualTo(cap);
        assertThat(SearchService.walkOnRows(201, 2_000, 1)).isEqualTo(cap);
    }

    @Test
    void joinsTheFirstWalkDownToItsOldestMatchWithTheWalkOnNewestFirstEachArticleOnce() {
        Candidate own1 = candidate(10, 0);
        Candidate topic = candidate(11, 1);
        Candidate own2 = candidate(12, 2);
        // a topic-name match older than the first walk's oldest own match: the walk on decides
        Candidate olderTopic = candidate(13, 5);
        Found first = new Found(List.of(own1, topic, own2, olderTopic), 2, new Position(own2.time(), own2.id()));

        Candidate own3 = candidate(14, 3);
        Candidate own4 = candidate(15, 4);
        Found further = new Found(List.of(own3, own4, olderTopic), 2, new Position(own4.time(), own4.id()));

        assertThat(SearchService.walkedOn(first, further, 10))
                .containsExactly(own1, topic, own2, own3, own4, olderTopic);
        assertThat(SearchService.walkedOn(first, further, 4)).containsExactly(own1, topic, own2, own3);
    }

    @Test
    void dropsWhatTheFirstWalkListedBeyondItsReachWhenTheWalkOnFindsNewer() {
        Candidate own = candidate(1, 0);
        Candidate farTopic = candidate(2, 100);
        Found first = new Found(List.of(own, farTopic), 1, new Position(own.time(), own.id()));
        Candidate nearer = candidate(3, 10);
        Found further = new Found(List.of(nearer), 1, new Position(nearer.time(), nearer.id()));

        assertThat(SearchService.walkedOn(first, further, 2)).containsExactly(own, nearer);
    }

    private static Candidate candidate(long id, int minutesAgo) {
        return new Candidate(id, T.minusSeconds(60L * minutesAgo), 0.1);
    }
}
