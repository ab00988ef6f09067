package io.dateline.topic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * @param slug chosen slug; generated from the name when absent
 * @param parent slug of the parent topic
 */
record CreateTopicRequest(
        @Size(max = 80)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase letters, digits and single hyphens")
        String slug,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        String parent,
        @PositiveOrZero Integer position) {}
