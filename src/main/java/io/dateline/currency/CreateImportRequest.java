package io.dateline.currency;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

@Schema(description = "A range of days to import from one source")
record CreateImportRequest(
        @Schema(
                allowableValues = {"cbr", "ecb"},
                example = "cbr")
        @NotNull
        // case-insensitive without (?i), which JavaScript cannot compile from the OpenAPI pattern
        @Pattern(regexp = "[cC][bB][rR]|[eE][cC][bB]", message = "must be cbr or ecb")
        String source,

        @Schema(example = "2023-11-01") @NotNull LocalDate from,
        @Schema(example = "2023-11-02") @NotNull LocalDate to) {}
