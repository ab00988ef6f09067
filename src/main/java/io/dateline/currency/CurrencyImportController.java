package io.dateline.currency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/currency/imports")
@Tag(name = "Admin: currency", description = "Importing official rates (ADMIN)")
@SecurityRequirement(name = "bearer")
class CurrencyImportController {

    private final CurrencyImporter importer;

    CurrencyImportController(CurrencyImporter importer) {
        this.importer = importer;
    }

    @PostMapping
    @Operation(
            summary = "Import (backfill) official rates",
            description = "Imports every day of the range that the bank has rates for and reports what it did. ECB:"
                    + " one download of its 90-day file (ranges starting in the last 85 days) or its full history"
                    + " file. CBR: one request per day, at most " + CurrencyImporter.MAX_CBR_DAYS + " days per call;"
                    + " rates are stored under the date each file states. Re-running changes nothing; a failed or"
                    + " malformed download changes nothing and is listed in 'failures'.")
    @ApiResponse(responseCode = "200", description = "The report (failures, if any, are listed in it)")
    @ApiResponse(
            responseCode = "400",
            description = "Unknown source, missing dates, a range ending before it starts or in the future, a CBR range"
                    + " longer than " + CurrencyImporter.MAX_CBR_DAYS + " days",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token")
    @ApiResponse(responseCode = "403", description = "The token is not an ADMIN's")
    ImportResponse create(@Valid @RequestBody CreateImportRequest request) {
        return ImportResponse.from(importer.backfill(RateSource.of(request.source()), request.from(), request.to()));
    }

    @Schema(name = "ImportResponse", description = "What the import did")
    record ImportResponse(
            @Schema(example = "cbr") RateSource source,
            LocalDate from,
            LocalDate to,

            @Schema(description = "The dates whose rates were stored, as the files date them")
            SortedSet<LocalDate> dates,

            int inserted,
            int updated,
            int unchanged,
            List<Failure> failures) {

        static ImportResponse from(ImportReport report) {
            return new ImportResponse(
                    report.source(),
                    report.from(),
                    report.to(),
                    report.dates(),
                    report.inserted(),
                    report.updated(),
                    report.unchanged(),
                    report.failures().stream()
                            .map(failure -> new Failure(failure.date(), failure.reason()))
                            .toList());
        }

        @Schema(name = "ImportFailure", description = "A download that failed and changed nothing")
        record Failure(
                @Schema(description = "The day asked for; absent when a whole file failed") @Nullable
                LocalDate date,

                String reason) {}
    }
}
