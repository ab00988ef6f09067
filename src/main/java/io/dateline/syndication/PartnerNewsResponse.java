package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** A partner's headline as the "Partner News" block shows it: a link to the partner's site. */
record PartnerNewsResponse(
        @Schema(example = "311") long id,
        @Schema(example = "Central bank keeps its key rate") String title,

        @Schema(example = "https://news.example.org/2024/05/01/rates")
        String url,

        @Schema(example = "2024-05-01T07:15:00Z") OffsetDateTime publishedAt,
        PartnerRef partner,
        TopicRef topic) {

    record PartnerRef(
            @Schema(example = "7") long id,
            @Schema(example = "Example News Agency") String name,
            @Schema(example = "https://news.example.org") String homepage) {}

    record TopicRef(
            @Schema(example = "economy") String slug,
            @Schema(example = "Economy") String name) {}
}
