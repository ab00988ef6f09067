package io.dateline.feed;

import io.dateline.article.ArticleSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a stream.
 *
 * @param nextCursor pass it as {@code cursor} to get the next page ("Show more"); absent on the
 *     last page
 */
public record FeedPage(
        List<ArticleSummary> items,

        @Schema(example = "dD0xOzt4PTs.hYqFJ9r0WmVv3nYd8kG6xQ", nullable = true)
        String nextCursor) {}
