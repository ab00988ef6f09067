package io.dateline.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A line of the editors' lists: enough to pick an article, with its workflow state. */
public record EditorArticleSummary(
        long id,
        String slug,
        String status,
        String headline,
        String language,
        List<TopicLabel> topics,
        OffsetDateTime publishedAt,
        String timeZone,
        int pageCount,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static EditorArticleSummary from(ArticleRow row, List<TopicLabel> topics, Instant now) {
        return new EditorArticleSummary(
                row.id(),
                row.slug(),
                row.statusAt(now),
                row.headline(),
                row.language(),
                topics,
                row.publishedAtInZone(),
                row.timeZone(),
                row.pageCount(),
                row.createdAt(),
                row.updatedAt(),
                row.version());
    }
}
