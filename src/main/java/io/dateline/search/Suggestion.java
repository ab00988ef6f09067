package io.dateline.search;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Something to offer while the reader types.
 *
 * @param type {@code topic}: open /api/v1/topics/{slug}/articles; {@code article}: open
 *     /api/v1/articles/{slug}
 * @param text what to show: the topic's name or the article's headline
 */
public record Suggestion(
        @Schema(
                allowableValues = {"topic", "article"},
                example = "article")
        String type,

        @Schema(example = "Lavrov meets UN envoy on Syria talks")
        String text,

        @Schema(example = "lavrov-meets-un-envoy-on-syria-talks")
        String slug) {}
