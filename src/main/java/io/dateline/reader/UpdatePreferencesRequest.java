package io.dateline.reader;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * @param filterEnabled whether GET /api/v1/feed applies these preferences
 * @param followedTopics topic slugs; the feed shows any of them (all topics when empty)
 * @param mutedTopics topic slugs whose articles never appear in the feed
 * @param languages ISO 639-1 codes; empty means every language
 */
record UpdatePreferencesRequest(
        @NotNull @Schema(example = "true") Boolean filterEnabled,

        @Size(max = 100) @Schema(example = "[\"world\", \"science-space\"]")
        List<@NotNull @Size(max = 80) String> followedTopics,

        @Size(max = 100) @Schema(example = "[\"sports\"]") List<@NotNull @Size(max = 80) String> mutedTopics,

        @Size(max = 20) @Schema(example = "[\"en\"]")
        List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String>
                languages) {

    List<String> followedTopicsOrEmpty() {
        return followedTopics == null ? List.of() : followedTopics;
    }

    List<String> mutedTopicsOrEmpty() {
        return mutedTopics == null ? List.of() : mutedTopics;
    }

    List<String> languagesOrEmpty() {
        return languages == null ? List.of() : languages;
    }
}
