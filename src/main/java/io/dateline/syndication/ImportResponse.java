package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What one import of a partner's feed did. A failed import changes no headline.
 *
 * @param added new headlines
 * @param known entries whose url was already there (an import is idempotent by url)
 * @param skipped entries without a title or with a link that is not an http(s) URL
 * @param error why the import failed; absent when it succeeded
 */
record ImportResponse(
        @Schema(example = "7") long partnerId,

        @Schema(
                example = "SUCCEEDED",
                allowableValues = {"SUCCEEDED", "FAILED"})
        String status,

        @Schema(example = "3") int added,
        @Schema(example = "9") int known,
        @Schema(example = "0") int skipped,

        @Schema(example = "HTTP 500 from the partner's server")
        String error) {

    static ImportResponse failed(long partnerId, String error) {
        return new ImportResponse(partnerId, "FAILED", 0, 0, 0, error);
    }
}
