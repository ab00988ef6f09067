package io.dateline.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dateline.media.Picture;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * An article as a stream or search result shows it: no body, no related links.
 *
 * @param publishedAt in the article's own time zone, e.g. 2014-12-22T19:08:00+03:00
 * @param timeZone IANA name of that zone
 * @param url the article's public page, absolute: the link an app shares
 * @param updatedAt the last change the public could see (an edit, or the publication itself), in the
 *     article's own zone like publishedAt
 * @param leadImage the article's picture, null when it has none
 * @param featured pinned by the editors, and not past the pin's expiry
 * @param breaking breaking news: an urgency is set and has not expired
 * @param urgency IPTC urgency while breaking, 1 (most urgent) to 9; null otherwise
 */
// every member, nulls included: all summaries have one shape, required in OpenAPI (AlwaysIncludedMembers)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ArticleSummary(
        @Schema(example = "1042") long id,

        @Schema(example = "lavrov-meets-un-envoy-on-syria-talks")
        String slug,

        @Schema(example = "Lavrov meets UN envoy on Syria talks")
        String headline,

        @Schema(nullable = true) String lead,
        @Schema(example = "MOSCOW", nullable = true) String dateline,
        @Schema(example = "Dateline", nullable = true) String source,
        @Schema(example = "en") String language,
        List<TopicLabel> topics,
        @Schema(example = "2014-12-22T19:08:00+03:00") OffsetDateTime publishedAt,
        @Schema(example = "Europe/Moscow") String timeZone,
        @Schema(example = "1") int pageCount,

        @Schema(example = "https://news.example.org/news/lavrov-meets-un-envoy-on-syria-talks")
        String url,

        @Schema(example = "2014-12-22T19:30:00+03:00") OffsetDateTime updatedAt,

        @Schema(nullable = true) Picture leadImage,

        boolean featured,
        boolean breaking,

        @Schema(example = "1", minimum = "1", maximum = "9", nullable = true)
        Integer urgency) {

    static ArticleSummary from(ArticleRow row, List<TopicLabel> topics, ArticleLinks links, Instant now) {
        Integer urgency = row.urgencyAt(now);
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
                links.url(row.slug()),
                row.publicUpdatedAtInZone(),
                row.leadImage(),
                row.featuredAt(now),
                urgency != null,
                urgency);
    }

    /**
     * When the public last saw the article change: its last write, or its publish time if that came
     * later (a scheduled article changes for the public when its time comes, with no write then).
     */
    public static OffsetDateTime publicUpdatedAt(Instant updatedAt, Instant publishedAt, String timeZone) {
        Instant last = publishedAt != null && publishedAt.isAfter(updatedAt) ? publishedAt : updatedAt;
        return last.atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }
}
