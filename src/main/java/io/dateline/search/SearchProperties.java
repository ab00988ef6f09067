package io.dateline.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param recencyHalfLife age at which an article's relevance counts half (see {@link Relevance}):
 *     a month keeps this week's news ahead of last year's with the same words, while a clearly
 *     better match from a few weeks ago still wins
 * @param relevanceCandidates how many of the newest matches a relevance-sorted search ranks, and so
 *     the deepest result it pages to; ranking every match of a common word costs time in proportion
 *     to the archive, ranking a bounded window does not. 200 (ten pages) because each candidate's
 *     full vector is read to test the match: at a million realistic articles 1,000 candidates of a
 *     common two-word query cost several times the 50 ms a search may take (see
 *     docs/search-performance.md)
 * @param statementTimeout longest a search statement may run in PostgreSQL before it is cancelled
 *     and the request answered 503: the last guard behind the bounded walks, for what no estimate
 *     foresaw (a search normally takes milliseconds). At most the read timeout
 *     ({@code dateline.database.read-timeout}, 2 s): a request's connection gives up on a silent
 *     socket 250 ms after that, so a longer limit here would drop the connection (SQLSTATE 08006)
 *     instead of PostgreSQL cancelling the statement
 * @param exactTotalLimit up to how many matches a search's {@code total} is counted exactly; above,
 *     it is PostgreSQL's estimate. Counting lists the matches through the full-text index, which
 *     costs in proportion to their number: a thousand costs a few milliseconds, the matches of a
 *     common word at a million articles seconds
 * @param suggestionSimilarity trigram word similarity (0..1) a headline or topic name needs to be
 *     suggested for a misspelt prefix; 0.4 lets one transposition in a six-letter word through
 *     ("Lavorv" to "Lavrov" is 0.43) without flooding the list
 * @param concurrency how many searches read the database at once (see {@link SearchAdmission});
 *     0, the default, takes two per processor the JVM sees: a search is CPU work in the service and
 *     in PostgreSQL, and two per core keep both busy while one waits on the other
 * @param queueWait longest a search waits for its turn before it is answered 503 search-busy
 */
@ConfigurationProperties("dateline.search")
record SearchProperties(
        @DefaultValue("30d") Duration recencyHalfLife,
        @DefaultValue("200") int relevanceCandidates,
        @DefaultValue("0.4") double suggestionSimilarity,
        @DefaultValue("2s") Duration statementTimeout,
        @DefaultValue("1000") int exactTotalLimit,
        @DefaultValue("0") int concurrency,
        @DefaultValue("2s") Duration queueWait) {

    SearchProperties {
        if (recencyHalfLife.isNegative() || recencyHalfLife.isZero()) {
            throw new IllegalArgumentException("dateline.search.recency-half-life must be positive");
        }
        if (relevanceCandidates < 1 || relevanceCandidates > 10_000) {
            throw new IllegalArgumentException("dateline.search.relevance-candidates must be 1 to 10000");
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("dateline.search.statement-timeout must be positive");
        }
        if (exactTotalLimit < 0 || exactTotalLimit > 100_000) {
            throw new IllegalArgumentException("dateline.search.exact-total-limit must be 0 to 100000");
        }
        if (concurrency < 0 || concurrency > 1_000) {
            throw new IllegalArgumentException("dateline.search.concurrency must be 0 to 1000");
        }
        if (queueWait.isNegative()) {
            throw new IllegalArgumentException("dateline.search.queue-wait must not be negative");
        }
        if (suggestionSimilarity <= 0 || suggestionSimilarity > 1) {
            throw new IllegalArgumentException("dateline.search.suggestion-similarity must be in (0, 1]");
        }
    }

    /** {@link #concurrency()}, or two per processor when it is 0. */
    int concurrencyOrDefault(int processors) {
        return concurrency > 0 ? concurrency : 2 * processors;
    }
}
