package io.dateline.syndication;

import io.dateline.job.JobResponse;
import io.dateline.job.Jobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The import of every partner's feed, on an editor's demand, as a job: with one bounded request per
 * feed it still takes as long as the partners' servers make it. (One partner's import stays a plain
 * request, POST /api/v1/partners/{id}/import: a single feed, bounded by its timeouts and size.)
 */
@RestController
@RequestMapping("/api/v1/partners/imports")
@Tag(name = "Partners", description = "News partners and the import of their feeds (EDITOR)")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasRole('EDITOR')")
class PartnerImportController {

    private static final String PATH = "/api/v1/partners/imports/";

    private static final CacheControl EDITOR_VIEW = CacheControl.noStore().cachePrivate();

    private final PartnerImportJob importJob;

    private final Jobs jobs;

    PartnerImportController(PartnerImportJob importJob, Jobs jobs) {
        this.importJob = importJob;
        this.jobs = jobs;
    }

    @PostMapping
    @Operation(
            summary = "Import every partner's feed (a job)",
            description = "Starts a job that imports the feed of each partner that has one, in id order; follow"
                    + " its Location for progress (feeds done of total), headlines added (inserted) and already"
                    + " known (unchanged), and the feeds that failed. One partner import job at a time.")
    @ApiResponse(responseCode = "202", description = "Started; Location names the job")
    @ApiResponse(
            responseCode = "409",
            description = "A partner import job is queued or running (its id is in 'jobId')",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<JobResponse> create() {
        JobResponse job = jobs.start(importJob, Map.of());
        return ResponseEntity.accepted()
                .location(URI.create(PATH + job.id()))
                .cacheControl(EDITOR_VIEW)
                .body(job);
    }

    @GetMapping
    @Operation(summary = "List partner import jobs", description = "The latest 50, newest first.")
    ResponseEntity<List<JobResponse>> list() {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(jobs.list(PartnerImportJob.KIND));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Show a partner import job",
            description = "State, feeds done of total, headlines added and known, failures so far and an"
                    + " estimate of the time left.")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(
            responseCode = "404",
            description = "No such job",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<JobResponse> get(@Parameter(description = "Job id", example = "42") @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(jobs.find(PartnerImportJob.KIND, id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            summary = "Cancel a partner import job",
            description = "A queued or interrupted job is CANCELLED at once; a running one stops after the feed in"
                    + " hand.")
    @ApiResponse(responseCode = "202", description = "Cancelled, or cancelRequested until the feed in hand is done")
    @ApiResponse(
            responseCode = "409",
            description = "The job has ended",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<JobResponse> cancel(@Parameter(description = "Job id", example = "42") @PathVariable long id) {
        return ResponseEntity.accepted().cacheControl(EDITOR_VIEW).body(jobs.cancel(PartnerImportJob.KIND, id));
    }

    @PostMapping("/{id}/resume")
    @Operation(
            summary = "Resume an interrupted partner import job",
            description = "Goes on with the partners after the last one recorded.")
    @ApiResponse(responseCode = "202", description = "Queued again")
    @ApiResponse(
            responseCode = "409",
            description = "The job is not INTERRUPTED, or another partner import job is queued or running",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<JobResponse> resume(@Parameter(description = "Job id", example = "42") @PathVariable long id) {
        return ResponseEntity.accepted()
                .location(URI.create(PATH + id))
                .cacheControl(EDITOR_VIEW)
                .body(jobs.resume(PartnerImportJob.KIND, id));
    }
}
