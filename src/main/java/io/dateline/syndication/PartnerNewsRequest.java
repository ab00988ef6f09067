package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A partner's headline typed in by an editor.
 *
 * @param publishedAt when the partner published it; now when absent
 * @param topic topic slug; the partner's topic when absent
 */
record PartnerNewsRequest(
        @Schema(example = "7") @NotNull Long partnerId,

        @Schema(example = "Central bank keeps its key rate") @NotBlank @Size(max = 500)
        String title,

        @Schema(example = "https://news.example.org/2024/05/01/rates")
        @NotBlank
        @Size(max = HttpUrls.MAX_LENGTH)
        @HttpUrls.HttpUrl
        String url,

        @Schema(example = "2024-05-01T10:15:00+03:00") OffsetDateTime publishedAt,
        @Schema(example = "economy") @Size(max = 80) String topic) {}
