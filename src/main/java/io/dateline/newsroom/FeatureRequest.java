package io.dateline.newsroom;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** @param until when the pin ends by itself (still to come); pinned until removed when absent */
record FeatureRequest(
        @Schema(example = "2026-12-23T08:00:00+03:00", nullable = true)
        OffsetDateTime until) {}
