package io.dateline.newsroom;

import io.dateline.article.ExternalLinkResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The editor's view of an article: the editable state (the same members as {@link ArticleRequest},
 * so that a JSON merge patch applies to exactly this document) plus the read-only workflow fields.
 *
 * @param status DRAFT, PUBLISHED, SCHEDULED (published, time still to come) or ARCHIVED
 * @param version the optimistic-lock version; the ETag is "{id}-{version}"
 * @param featured pinned now (set with PUT .../featured, and not past featuredUntil)
 * @param featuredUntil when the pin ends by itself; null: when it is removed
 * @param breaking breaking news now (set with PUT .../breaking, and not past breakingUntil)
 * @param urgency the urgency last set, 1 (most urgent) to 9, kept after expiry until removed
 * @param breakingUntil when the breaking flag ends by itself
 */
record EditorArticleResponse(
        @Schema(example = "1042") long id,

        @Schema(example = "lavrov-meets-un-envoy-on-syria-talks")
        String slug,

        @Schema(example = "DRAFT") String status,
        String headline,
        String lead,
        List<String> pages,
        String dateline,
        String source,
        String byline,
        String language,
        String timeZone,
        List<String> topics,
        String primaryTopic,
        List<ExternalLinkResponse> externalLinks,
        List<Long> relatedArticleIds,
        OffsetDateTime publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Long leadImageId,
        List<Long> imageIds,
        boolean featured,
        @Schema(nullable = true) Instant featuredUntil,
        boolean breaking,

        @Schema(nullable = true, minimum = "1", maximum = "9")
        Integer urgency,

        @Schema(nullable = true) Instant breakingUntil) {

    static EditorArticleResponse from(Article article, TopicNames topics, Instant now) {
        return new EditorArticleResponse(
                article.id(),
                article.slug(),
                article.statusAt(now),
                article.headline(),
                article.lead(),
                article.pages(),
                article.dateline(),
                article.source(),
                article.byline(),
                article.language(),
                article.timeZone(),
                topics.slugs(article),
                topics.primarySlug(article),
                article.externalLinks().stream().map(ExternalLink::response).toList(),
                article.relatedIds(),
                article.publishedAt() == null
                        ? null
                        : article.publishedAt()
                                .atZone(java.time.ZoneId.of(article.timeZone()))
                                .toOffsetDateTime(),
                article.createdAt(),
                article.updatedAt(),
                article.version(),
                article.leadImageId(),
                article.imageIds(),
                article.featured()
                        && (article.featuredUntil() == null
                                || article.featuredUntil().isAfter(now)),
                article.featuredUntil(),
                article.breakingUntil() != null && article.breakingUntil().isAfter(now),
                article.urgency(),
                article.breakingUntil());
    }
}
