package io.dateline.newsroom;

import io.dateline.article.ExternalLinkResponse;
import java.time.Instant;
import java.util.List;

/**
 * The full state of an article after a change, as a revision stores it. The flags (featured,
 * urgency and their expiries) are workflow state like status: recorded, but not restored.
 */
record ArticleSnapshot(
        String slug,
        String status,
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
        Instant publishedAt,
        Long leadImageId,
        List<Long> imageIds,
        Boolean featured,
        Instant featuredUntil,
        Integer urgency,
        Instant breakingUntil) {

    static ArticleSnapshot of(Article article, TopicNames topics) {
        return new ArticleSnapshot(
                article.slug(),
                article.status().name(),
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
                article.publishedAt(),
                article.leadImageId(),
                article.imageIds(),
                article.featured(),
                article.featuredUntil(),
                article.urgency(),
                article.breakingUntil());
    }

    /** The editable part, to restore it. */
    ArticleRequest toRequest() {
        return new ArticleRequest(
                headline,
                lead,
                pages,
                null,
                dateline,
                source,
                byline,
                language,
                topics,
                primaryTopic,
                timeZone,
                externalLinks == null
                        ? List.of()
                        : externalLinks.stream()
                                .map(link -> new ArticleRequest.ExternalLinkRequest(
                                        link.title(), link.url(), link.sourceName()))
                                .toList(),
                relatedArticleIds == null ? List.of() : relatedArticleIds,
                leadImageId,
                imageIds == null ? List.of() : imageIds);
    }
}
