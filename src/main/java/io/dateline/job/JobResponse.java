package io.dateline.job;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A job as its users see it.
 *
 * @param source at most one job per source is queued or running
 * @param cancelRequested a cancel was asked for; the job stops after the unit in hand
 * @param failureCount every failed unit; {@code failures} lists the first of them
 * @param error why the job stopped early (INTERRUPTED), when it did
 * @param estimatedSecondsLeft from the pace of the current run; absent until a unit is done
 */
@Schema(name = "Job", description = "A long-running import: its state, progress, counts and failures")
public record JobResponse(
        @Schema(example = "42") long id,
        @Schema(example = "currency-backfill") String kind,
        @Schema(example = "currency:cbr") String source,

        @Schema(example = "{\"source\": \"cbr\", \"from\": \"2023-01-01\", \"to\": \"2023-12-31\"}")
        Map<String, String> parameters,

        JobState state,
        boolean cancelRequested,
        Progress progress,
        Rows rows,
        @Schema(example = "1") int failureCount,
        List<Failure> failures,

        @Schema(example = "the application stopped; resume to continue") @Nullable
        String error,

        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Schema(example = "95") @Nullable Long estimatedSecondsLeft) {

    /**
     * @param done units done (a day, a feed), failed ones included
     * @param total units in all; 0 until the job starts
     * @param lastUnit the last unit done; a resumed job goes on after it
     */
    public record Progress(
            @Schema(example = "120") int done,
            @Schema(example = "365") int total,
            @Schema(example = "2023-04-30") @Nullable String lastUnit) {}

    public record Rows(
            @Schema(example = "3900") int inserted,
            @Schema(example = "0") int updated,
            @Schema(example = "40") int unchanged) {}

    @Schema(name = "JobFailure", description = "A unit that failed and changed nothing")
    public record Failure(
            @Schema(example = "2023-03-08") String unit,
            @Schema(example = "HTTP 500 from the bank") String reason) {}
}
