package io.dateline.article;

import io.dateline.media.Picture;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The article table's row without pages and body text: what lists and headers need, with its lead
 * image (null when none).
 */
record ArticleRow(
        long id,
        String slug,
        String headline,
        String lead,
        String dateline,
        String source,
        String byline,
        String language,
        String timeZone,
        int pageCount,
        ArticleStatus status,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Picture leadImage,
        boolean featured,
        Instant featuredUntil,
        Integer urgency,
        Instant breakingUntil) {

    /** Featured at {@code now}: set, and not past its expiry (article_featured of V115). */
    boolean featuredAt(Instant now) {
        return featured && (featuredUntil == null || featuredUntil.isAfter(now));
    }

    /** The urgency while the article is breaking news at {@code now}, else null (article_breaking). */
    Integer urgencyAt(Instant now) {
        return breakingUntil != null && breakingUntil.isAfter(now) ? urgency : null;
    }

    OffsetDateTime publishedAtInZone() {
        return inZone(publishedAt, timeZone);
    }

    OffsetDateTime publicUpdatedAtInZone() {
        return ArticleSummary.publicUpdatedAt(updatedAt, publishedAt, timeZone);
    }

    String statusAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishedAt.isAfter(now) ? "SCHEDULED" : status.name();
    }

    static OffsetDateTime inZone(Instant instant, String timeZone) {
        return instant == null ? null : instant.atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }
}
