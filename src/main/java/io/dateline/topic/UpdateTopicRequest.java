package io.dateline.topic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The editable state of a topic: the target of a JSON merge patch. The slug is not editable. */
record UpdateTopicRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        String parent,
        @PositiveOrZero Integer position) {}
