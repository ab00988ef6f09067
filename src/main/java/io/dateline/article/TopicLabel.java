package io.dateline.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A topic as shown on an article.
 *
 * @param primary whether this is the article's main topic (its section label)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TopicLabel(
        @Schema(example = "russian-politics-diplomacy") String slug,
        @Schema(example = "Russian Politics & Diplomacy") String name,
        boolean primary) {}
