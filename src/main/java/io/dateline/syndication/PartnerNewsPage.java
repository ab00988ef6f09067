package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** @param nextCursor pass it as {@code cursor} for the next page; absent on the last page */
record PartnerNewsPage(
        List<PartnerNewsResponse> items,

        @Schema(example = "dD0xOzt4PTs.hYqFJ9r0WmVv3nYd8kG6xQ", nullable = true)
        String nextCursor) {}
