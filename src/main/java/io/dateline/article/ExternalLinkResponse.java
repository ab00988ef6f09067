package io.dateline.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** A link to another outlet's coverage ("In other media"). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExternalLinkResponse(
        @Schema(example = "Kremlin comments on the talks") String title,
        @Schema(example = "https://example.org/news/1") String url,
        @Schema(example = "Example News", nullable = true) String sourceName) {}
