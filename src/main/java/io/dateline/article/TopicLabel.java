package io.dateline.article;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A topic as shown on an article.
 *
 * @param primary whether this is the article's main topic (its section label)
 */
public record TopicLabel(
        @Schema(example = "russian-politics-diplomacy") String slug,
        @Schema(example = "Russian Politics & Diplomacy") String name,
        boolean primary) {}
