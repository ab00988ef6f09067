package io.dateline.syndication;

import io.dateline.job.JobEndpoints;
import io.dateline.job.JobResponse;
import io.dateline.job.Jobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The import of every partner's feed, on an editor's demand, as a job: with one bounded request per
 * feed it still takes as long as the partners' servers make it. (One partner's import stays a plain
 * request, POST /api/v1/newsroom/partners/{id}/import: a single feed, bounded by its timeouts and
 * size.) Under the newsroom's tree, so its one URL rule (EDITOR) guards it.
 */
@RestController
@RequestMapping(PartnerImportController.PATH)
@Tag(name = "Partners", description = "News partners and the import of their feeds (EDITOR)")
@SecurityRequirement(name = "bearer")
class PartnerImportController {

    static final String PATH = "/api/v1/newsroom/partner-imports";

    private final PartnerImportJob importJob;

    private final JobEndpoints imports;

    PartnerImportController(PartnerImportJob importJob, Jobs jobs) {
        this.importJob = importJob;
        this.imports = new JobEndpoints(jobs, PartnerImportJob.KIND, PATH);
    }

    @PostMapping
    @Operation(
            operationId = "startPartnerImport",
            summary = "Import every partner's feed (a job)",
            description = "Starts a job that imports the feed of each partner that has one, in id order; follow"
                    + " its Location for progress (feeds done of total), headlines added (inserted) and already"
                    + " known (unchanged), and the feeds that failed. One partner import job at a time.")
    @ApiResponse(responseCode = "202", description = "Started; Location names the job")
    @ApiResponse(responseCode = "409", description = "A partner import job is queued or running (its id is in 'jobId')")
    ResponseEntity<JobResponse> create() {
        return imports.start(importJob, Map.of());
    }

    @GetMapping
    @Operation(
            operationId = "listPartnerImports",
            summary = "List partner import jobs",
            description = "The latest 50, newest first.")
    ResponseEntity<List<JobResponse>> list() {
        return imports.list();
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getPartnerImport",
            summary = "Show a partner import job",
            description = "State, feeds done of total, headlines added and known, failures so far and an"
                    + " estimate of the time left.")
    ResponseEntity<JobResponse> get(@Parameter(description = "Job id", example = "42") @PathVariable long id) {
        return imports.get(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            operationId = "cancelPartnerImport",
            summary = "Cancel a partner import job",
            description = "A queued or interrupted job is CANCELLED at once; a running one stops after the feed in"
                    + " hand.")
    @ApiResponse(responseCode = "202", description = "Cancelled, or cancelRequested until the feed in hand is done")
    @ApiResponse(responseCode = "409", description = "The job has ended")
    ResponseEntity<JobResponse> cancel(@Parameter(description = "Job id", example = "42") @PathVariable long id) {
        return imports.cancel(id);
    }

    @PostMapping("/{id}/resume")
    @Operation(
            operationId = "resumePartnerImport",
            summary = "Resume an interrupted partner import job",
            description = "Goes on with the partners after the last one recorded.")
    @ApiResponse(responseCode = "202", description = "Queued again")
    @ApiResponse(
            responseCode = "409",
            description = "The job is not INTERRUPTED, or another partner import job is queued or running")
    ResponseEntity<JobResponse> resume(@Parameter(description = "Job id", example = "42") @PathVariable long id) {
        return imports.resume(id);
    }
}
