package io.dateline.reader;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

record PreferencesResponse(
        @Schema(example = "true") boolean filterEnabled,
        @Schema(example = "[\"science-space\", \"world\"]") List<String> followedTopics,
        @Schema(example = "[\"sports\"]") List<String> mutedTopics,
        @Schema(example = "[\"en\"]") List<String> languages) {}
