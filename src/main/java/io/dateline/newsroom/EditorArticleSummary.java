package io.dateline.newsroom;

import io.dateline.article.TopicLabel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A line of the editors' lists: enough to pick an article, with its workflow state. */
record EditorArticleSummary(
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

    EditorArticleSummary withTopics(List<TopicLabel> labels) {
        return new EditorArticleSummary(
                id,
                slug,
                status,
                headline,
                language,
                labels,
                publishedAt,
                timeZone,
                pageCount,
                createdAt,
                updatedAt,
                version);
    }
}
