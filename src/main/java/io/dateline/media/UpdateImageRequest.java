package io.dateline.media;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The editable metadata of an image, replaced as a whole; the pixels never change. */
record UpdateImageRequest(
        @Schema(example = "Delegations at the start of the talks") @Size(max = 1000)
        String caption,

        @Schema(example = "Dateline / Jane Doe") @Size(max = 300)
        String credit,

        @Schema(example = "Six delegates around a round table") @Size(max = 1000)
        String alt) {}
