package io.dateline.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dateline.article.ArticleSummary;
import io.dateline.article.TopicLabel;
import io.dateline.media.Picture;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One search result: the article as the feed shows it, how well it matched and where.
 *
 * @param publishedAt in the article's own time zone; null for drafts
 * @param score relevance blended with recency, higher is better; comparable only within one search
 * @param url the article's public page, absolute
 * @param updatedAt the last change the public could see, in the article's own zone
 * @param leadImage the article's picture, null when it has none
 * @param featured as in {@link ArticleSummary}
 * @param breaking as in {@link ArticleSummary}
 * @param urgency as in {@link ArticleSummary}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchHit(
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

        @Schema(example = "2014-12-22T19:08:00+03:00", nullable = true)
        OffsetDateTime publishedAt,

        @Schema(example = "Europe/Moscow") String timeZone,
        @Schema(example = "1") int pageCount,
        @Schema(example = "0.8731") double score,
        Highlights highlights,

        @Schema(example = "https://news.example.org/news/lavrov-meets-un-envoy-on-syria-talks")
        String url,

        @Schema(example = "2014-12-22T19:30:00+03:00") OffsetDateTime updatedAt,

        @Schema(nullable = true) Picture leadImage,

        boolean featured,
        boolean breaking,

        @Schema(example = "1", minimum = "1", maximum = "9", nullable = true)
        Integer urgency) {

    static SearchHit from(ArticleSummary summary, double score, Highlights highlights) {
        return new SearchHit(
                summary.id(),
                summary.slug(),
                summary.headline(),
                summary.lead(),
                summary.dateline(),
                summary.source(),
                summary.language(),
                summary.topics(),
                summary.publishedAt(),
                summary.timeZone(),
                summary.pageCount(),
                score,
                highlights,
                summary.url(),
                summary.updatedAt(),
                summary.leadImage(),
                summary.featured(),
                summary.breaking(),
                summary.urgency());
    }
}
