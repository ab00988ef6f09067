package io.dateline.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dateline.media.Picture;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A published article as readers get it, one page at a time.
 *
 * @param page the page in {@code html}, 1-based
 * @param html sanitized HTML of that page
 * @param related editor-chosen articles that are themselves published
 * @param url the article's public page, absolute
 * @param updatedAt the last change the public could see, in the article's own zone
 * @param leadImage the article's picture, null when it has none
 * @param featured as in {@link ArticleSummary}
 * @param breaking as in {@link ArticleSummary}
 * @param urgency as in {@link ArticleSummary}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ArticleResponse(
        @Schema(example = "1042") long id,

        @Schema(example = "lavrov-meets-un-envoy-on-syria-talks")
        String slug,

        @Schema(example = "Lavrov meets UN envoy on Syria talks")
        String headline,

        @Schema(nullable = true) String lead,
        @Schema(example = "MOSCOW", nullable = true) String dateline,
        @Schema(example = "Dateline", nullable = true) String source,
        @Schema(nullable = true) String byline,
        @Schema(example = "en") String language,
        List<TopicLabel> topics,
        @Schema(example = "2014-12-22T19:08:00+03:00") OffsetDateTime publishedAt,
        @Schema(example = "Europe/Moscow") String timeZone,
        @Schema(example = "2") int pageCount,
        @Schema(example = "1") int page,

        @Schema(example = "<p>Russian Foreign Minister met the envoy on Monday.</p>")
        String html,

        List<ExternalLinkResponse> externalLinks,
        List<ArticleSummary> related,

        @Schema(example = "https://news.example.org/news/lavrov-meets-un-envoy-on-syria-talks")
        String url,

        @Schema(example = "2014-12-22T19:30:00+03:00") OffsetDateTime updatedAt,

        @Schema(nullable = true) Picture leadImage,

        boolean featured,
        boolean breaking,

        @Schema(example = "1", minimum = "1", maximum = "9", nullable = true)
        Integer urgency) {

    static ArticleResponse from(
            ArticleRow row,
            List<TopicLabel> topics,
            int page,
            String html,
            List<ExternalLinkResponse> links,
            List<ArticleSummary> related,
            String url,
            Instant now) {
        Integer urgency = row.urgencyAt(now);
        return new ArticleResponse(
                row.id(),
                row.slug(),
                row.headline(),
                row.lead(),
                row.dateline(),
                row.source(),
                row.byline(),
                row.language(),
                topics,
                row.publishedAtInZone(),
                row.timeZone(),
                row.pageCount(),
                page,
                html,
                links,
                related,
                url,
                row.publicUpdatedAtInZone(),
                row.leadImage(),
                row.featuredAt(now),
                urgency != null,
                urgency);
    }
}
