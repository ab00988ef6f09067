package io.dateline.search;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How many articles match a search: counted exactly when they are few, estimated when they are
 * many, since counting every match of common words at a million articles costs more than the
 * search itself.
 *
 * @param value the number of matching articles, or the estimate of it
 * @param relation {@code eq} when {@code value} is exact, {@code estimate} when it is PostgreSQL's
 *     estimate of the matches (never less than the matches the search has already seen)
 */
@Schema(
        description = "How many articles match: exact up to dateline.search.exact-total-limit matches (1,000),"
                + " an estimate above")
public record SearchTotal(
        @Schema(example = "12400") long value,

        @Schema(
                allowableValues = {EXACT, ESTIMATE},
                example = ESTIMATE)
        String relation) {

    static final String EXACT = "eq";

    static final String ESTIMATE = "estimate";

    static final SearchTotal NONE = exactly(0);

    static SearchTotal exactly(long value) {
        return new SearchTotal(value, EXACT);
    }

    static SearchTotal estimated(long value) {
        return new SearchTotal(value, ESTIMATE);
    }
}
