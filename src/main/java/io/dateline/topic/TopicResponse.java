package io.dateline.topic;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param parent slug of the parent topic, absent for a top-level section
 * @param articleCount published articles visible now
 */
record TopicResponse(
        @Schema(example = "russian-politics-diplomacy") String slug,
        @Schema(example = "Russian Politics & Diplomacy") String name,
        String description,
        @Schema(example = "world") String parent,
        @Schema(example = "10") int position,
        @Schema(example = "42") long articleCount) {

    static TopicResponse from(Topic topic, long articleCount) {
        return new TopicResponse(
                topic.slug(),
                topic.name(),
                topic.description(),
                topic.parent() == null ? null : topic.parent().slug(),
                topic.position(),
                articleCount);
    }
}
