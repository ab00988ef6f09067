package io.dateline.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of search results.
 *
 * @param nextCursor pass it as {@code cursor}, with the same parameters, for the next page; absent
 *     on the last page
 * @param total how many articles match in all, exact or estimated
 */
public record SearchResponse(
        List<SearchHit> items,

        @Schema(example = "cT1sYXZyb3Y7bz1SRUxFVkFOQ0U.hYqFJ9r0WmVv3nYd8kG6xQ", nullable = true)
        String nextCursor,

        SearchTotal total) {}
