package io.dateline.newsroom;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/**
 * @param urgency IPTC urgency, as in ninjs: 1 is the most urgent, 9 the least
 * @param until when the article stops being breaking news (still to come); absent: after
 *     dateline.newsroom.breaking-for (6 hours by default)
 */
record BreakingRequest(
        @Schema(example = "1", minimum = "1", maximum = "9") @NotNull @Min(1) @Max(9)
        Integer urgency,

        @Schema(example = "2026-12-22T23:00:00+03:00", nullable = true)
        OffsetDateTime until) {}
