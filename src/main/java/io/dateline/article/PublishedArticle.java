package io.dateline.article;

import io.dateline.media.Picture;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A published article in full, for representations that carry the whole text at once (RSS, Atom,
 * IPTC ninjs) rather than one page at a time.
 *
 * @param publishedAt in the article's own time zone
 * @param createdAt when the first draft was saved
 * @param updatedAt when the article last changed, in any way
 * @param version increases with every change; feeds and ninjs derive their versions and ETags from
 *     it
 * @param pages sanitized HTML of each page, in order
 * @param related editor-chosen articles that are themselves visible; empty where not asked for
 * @param leadImage the article's picture, null when it has none
 * @param images the pictures its body embeds, in order
 * @param featured pinned and not expired at the time of the read
 * @param urgency IPTC urgency while breaking at the time of the read; null otherwise
 */
public record PublishedArticle(
        long id,
        String slug,
        String headline,
        String lead,
        String dateline,
        String source,
        String byline,
        String language,
        String timeZone,
        List<TopicLabel> topics,
        OffsetDateTime publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<String> pages,
        List<ArticleSummary> related,
        Picture leadImage,
        List<Picture> images,
        boolean featured,
        Integer urgency) {

    static PublishedArticle from(
            ArticleRow row,
            List<TopicLabel> topics,
            List<String> pages,
            List<ArticleSummary> related,
            List<Picture> images,
            Instant now) {
        return new PublishedArticle(
                row.id(),
                row.slug(),
                row.headline(),
                row.lead(),
                row.dateline(),
                row.source(),
                row.byline(),
                row.language(),
                row.timeZone(),
                topics,
                row.publishedAtInZone(),
                row.createdAt(),
                row.updatedAt(),
                row.version(),
                pages,
                related,
                row.leadImage(),
                images,
                row.featuredAt(now),
                row.urgencyAt(now));
    }

    /** All pages as one HTML document, for consumers that do not page. */
    public String html() {
        return String.join("\n", pages);
    }
}
