package io.dateline.currency;

import io.dateline.currency.internal.CurrencyBackfillJob;
import io.dateline.currency.internal.CurrencyImporter;
import io.dateline.currency.internal.RateSource;
import io.dateline.job.JobEndpoints;
import io.dateline.job.JobResponse;
import io.dateline.job.Jobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator's backfill runs as a job: one bank request per day can take minutes, too long for
 * one HTTP request. Every backfill is a job, even a one-day one, so that clients meet one answer.
 */
@RestController
@RequestMapping(CurrencyImportController.PATH)
@Tag(name = "Admin: currency", description = "Importing official rates (ADMIN)")
@SecurityRequirement(name = "bearer")
class CurrencyImportController {

    static final String PATH = "/api/v1/admin/currency/imports";

    private final CurrencyImporter importer;

    private final CurrencyBackfillJob backfill;

    private final JobEndpoints backfills;

    CurrencyImportController(CurrencyImporter importer, CurrencyBackfillJob backfill, Jobs jobs) {
        this.importer = importer;
        this.backfill = backfill;
        this.backfills = new JobEndpoints(jobs, CurrencyBackfillJob.KIND, PATH);
    }

    @PostMapping
    @Operation(
            operationId = "startCurrencyImport",
            summary = "Start a backfill of official rates (a job)",
            description = "Starts a job that imports every day of the range that the bank has rates for; follow"
                    + " its Location for progress, counts and failures. ECB: one download of its 90-day file"
                    + " (ranges starting in the last 85 days) or its full history file. CBR: one request per day,"
                    + " at most " + CurrencyImporter.MAX_CBR_DAYS + " days per job; rates are stored under the"
                    + " date each file states. Re-running changes nothing; a failed or malformed download changes"
                    + " nothing and is listed in 'failures'. One job per source at a time.")
    @ApiResponse(responseCode = "202", description = "Started; Location names the job")
    @ApiResponse(
            responseCode = "400",
            description = "Unknown source, missing dates, a range ending before it starts or in the future, a CBR range"
                    + " longer than " + CurrencyImporter.MAX_CBR_DAYS + " days")
    @ApiResponse(
            responseCode = "409",
            description = "A backfill of this source is queued or running (its id is in 'jobId')")
    ResponseEntity<JobResponse> create(@Valid @RequestBody CreateImportRequest request) {
        RateSource source = RateSource.of(request.source());
        importer.checkBackfill(source, request.from(), request.to());
        return backfills.start(backfill, CurrencyBackfillJob.parameters(source, request.from(), request.to()));
    }

    @GetMapping
    @Operation(
            operationId = "listCurrencyImports",
            summary = "List backfills",
            description = "The latest 50 backfill jobs, newest first.")
    ResponseEntity<List<JobResponse>> list() {
        return backfills.list();
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getCurrencyImport",
            summary = "Show a backfill",
            description = "State, days done of total, rows inserted/updated/unchanged, failures so far and an"
                    + " estimate of the time left.")
    ResponseEntity<JobResponse> get(@Parameter(description = "Job id", example = "42") @PathVariable long id) {
        return backfills.get(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            operationId = "cancelCurrencyImport",
            summary = "Cancel a backfill",
            description = "A queued or interrupted job is CANCELLED at once; a running one stops after the day in"
                    + " hand, which is stored whole or not at all.")
    @ApiResponse(responseCode = "202", description = "Cancelled, or cancelRequested until the day in hand is done")
    @ApiResponse(responseCode = "409", description = "The job has ended")
    ResponseEntity<JobResponse> cancel(@Parameter(description = "Job id", example = "42") @PathVariable long id) {
        return backfills.cancel(id);
    }

    @PostMapping("/{id}/resume")
    @Operation(
            operationId = "resumeCurrencyImport",
            summary = "Resume an interrupted backfill",
            description = "Goes on after the last day recorded; days done are not fetched again.")
    @ApiResponse(responseCode = "202", description = "Queued again")
    @ApiResponse(
            responseCode = "409",
            description = "The job is not INTERRUPTED, or another job of its source is queued or running")
    ResponseEntity<JobResponse> resume(@Parameter(description = "Job id", example = "42") @PathVariable long id) {
        return backfills.resume(id);
    }
}
