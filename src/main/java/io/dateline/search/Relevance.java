package io.dateline.search;

import java.time.Duration;
import java.time.Instant;

/**
 * How a relevance-sorted search orders its results:
 *
 * <pre>score = rank / (1 + age / halfLife)</pre>
 *
 * where {@code rank} measures the match (computed by PostgreSQL, see {@link SearchRepository}):
 * 1 when the headline alone matches the whole query, plus {@code ts_rank_cd} with weights
 * headline 1.0, lead and topic names 0.4, body 0.2, scaled into [0, 1) by {@code rank / (rank +
 * 1)}. The headline term makes "the headline is about it" a tier of its own: ts_rank_cd adds up
 * every occurrence, so without it a body that repeats a word ten times would outrank a headline
 * that names it once.
 *
 * <p>The discount is hyperbolic rather than exponential: an article one half-life old counts half,
 * two half-lives a third, a year (at the default 30 days) a thirteenth, ten years a 120th. So
 * today's article beats a ten-year-old one with the same words, but a much better match (a
 * headline hit against a passing mention in a body) keeps winning for weeks; an exponential decay
 * would make anything older than a few months worthless whatever it says.
 */
final class Relevance {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private Relevance() {}

    /**
     * @param time the article's publish time (the last change for drafts); one in the future, as a
     *     scheduled article's, counts as new
     * @param reference the instant ages are measured from, fixed for all pages of one search so
     *     that scores, and therefore the paging order, do not drift between pages
     */
    static double score(double rank, Instant time, Instant reference, Duration halfLife) {
        double ageDays = Math.max(0, Duration.between(time, reference).toSeconds()) / SECONDS_PER_DAY;
        double halfLifeDays = halfLife.toSeconds() / SECONDS_PER_DAY;
        return rank / (1 + ageDays / halfLifeDays);
    }
}
