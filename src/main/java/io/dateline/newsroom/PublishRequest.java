package io.dateline.newsroom;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** @param publishAt when the article goes live; now when absent, a later time schedules it */
record PublishRequest(
        @Schema(example = "2026-12-22T19:08:00+03:00") OffsetDateTime publishAt) {}
