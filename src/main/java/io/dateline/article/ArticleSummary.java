package io.dateline.article;

import io.dateline.media.Picture;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article as a stream or search result shows it: no body, no related links.
 *
 * @param publishedAt in the article's own time zone, e.g. 2014-12-22T19:08:00+03:00
 * @param timeZone IANA name of that zone
 * @param leadImage the article's picture, null when it has none
 */
public record ArticleSummary(
        @Schema(example = "1042") long id,

        @Schema(example = "lavrov-meets-un-envoy-on-syria-talks")
        String slug,

        @Schema(example = "Lavrov meets UN envoy on Syria talks")
        String headline,

        String lead,
        @Schema(example = "MOSCOW") String dateline,
        @Schema(example = "Dateline") String source,
        @Schema(example = "en") String language,
        List<TopicLabel> topics,
        @Schema(example = "2014-12-22T19:08:00+03:00") OffsetDateTime publishedAt,
        @Schema(example = "Europe/Moscow") String timeZone,
        @Schema(example = "1") int pageCount,
        @Schema(nullable = true) Picture leadImage) {

    static ArticleSummary from(ArticleRow row, List<TopicLabel> topics) {
        return new ArticleSummary(
                row.id(),
                row.slug(),
                row.headline(),
                row.lead(),
                row.dateline(),
                row.source(),
                row.language(),
                topics,
                row.publishedAtInZone(),
                row.timeZone(),
                row.pageCount(),
                row.leadImage());
    }
}
