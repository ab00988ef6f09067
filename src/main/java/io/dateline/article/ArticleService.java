package io.dateline.article;

import io.dateline.media.Picture;
import io.dateline.platform.ETags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading articles. The public methods are the API other features (feed, search, syndication)
 * build on: they select article ids with their own queries and turn them into summaries here, two
 * queries per page whatever its size.
 */
@Service
public class ArticleService {

    private final ArticleQueries queries;

    private final ArticleLinks links;

    private final Clock clock;

    ArticleService(ArticleQueries queries, ArticleLinks links, Clock clock) {
        this.queries = queries;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Summaries of the given articles, in the order of {@code ids}, whatever their status: the
     * caller decided what may be shown. Unknown ids are skipped. One query for the articles and one
     * for all their topics.
     */
    @Transactional(readOnly = true)
    public List<ArticleSummary> summaries(List<Long> ids) {
        Instant now = clock.instant();
        Map<Long, ArticleRow> rows =
                queries.rows(ids).stream().collect(Collectors.toMap(ArticleRow::id, Function.identity()));
        Map<Long, List<TopicLabel>> topics = queries.topicLabels(rows.keySet());
        return ids.stream()
                .distinct()
                .filter(rows::containsKey)
                .map(id -> ArticleSummary.from(rows.get(id), topics.getOrDefault(id, List.of()), links, now))
                .toList();
    }

    /** Like {@link #summaries(List)}, keeping only articles the public may see now. */
    @Transactional(readOnly = true)
    public List<ArticleSummary> visibleSummaries(List<Long> ids) {
        Instant now = clock.instant();
        Map<Long, ArticleRow> rows = queries.rows(ids).stream()
                .filter(row -> row.status() == ArticleStatus.PUBLISHED
                        && !row.publishedAt().isAfter(now))
                .collect(Collectors.toMap(ArticleRow::id, Function.identity()));
        Map<Long, List<TopicLabel>> topics = queries.topicLabels(rows.keySet());
        return ids.stream()
                .distinct()
                .filter(rows::containsKey)
                .map(id -> ArticleSummary.from(rows.get(id), topics.getOrDefault(id, List.of()), links, now))
                .toList();
    }

    /**
     * The newest visible articles in full, all of their pages included: what syndication feeds
     * carry. With a topic id, only articles filed under that topic. Five queries whatever the
     * count.
     */
    @Transactional(readOnly = true)
    public List<PublishedArticle> newestPublished(Long topicId, int limit) {
        Instant now = clock.instant();
        List<Long> ids =
                topicId == null ? queries.visibleIds(now, limit) : queries.visibleIdsInTopic(topicId, now, limit);
        Map<Long, ArticleRow> rows =
                queries.rows(ids).stream().collect(Collectors.toMap(ArticleRow::id, Function.identity()));
        Map<Long, List<TopicLabel>> topics = queries.topicLabels(rows.keySet());
        Map<Long, List<String>> pages = queries.pages(rows.keySet());
        Map<Long, List<Picture>> images = queries.embeddedPictures(rows.keySet());
        return ids.stream()
                .filter(rows::containsKey)
                .map(id -> PublishedArticle.from(
                        rows.get(id),
                        topics.getOrDefault(id, List.of()),
                        pages.getOrDefault(id, List.of()),
                        List.of(),
                        images.getOrDefault(id, List.of()),
                        now))
                .toList();
    }

    /**
     * One visible article in full, with its visible related articles; empty for anything the public
     * may not see.
     */
    @Transactional(readOnly = true)
    public Optional<PublishedArticle> published(String idOrSlug) {
        Instant now = clock.instant();
        return resolve(idOrSlug)
                .flatMap(queries::row)
                .filter(row -> row.status() == ArticleStatus.PUBLISHED
                        && !row.publishedAt().isAfter(now))
                .map(row -> PublishedArticle.from(
                        row,
                        queries.topicLabels(List.of(row.id())).getOrDefault(row.id(), List.of()),
                        queries.pages(List.of(row.id())).getOrDefault(row.id(), List.of()),
                        summaries(queries.visibleRelatedIds(row.id(), now)),
                        queries.embeddedPictures(List.of(row.id())).getOrDefault(row.id(), List.of()),
                        now));
    }

    /** Topic labels of these articles, primary first: for lists that show articles in any state. */
    @Transactional(readOnly = true)
    public Map<Long, List<TopicLabel>> topicLabels(Collection<Long> ids) {
        return queries.topicLabels(ids);
    }

    /**
     * One page of a published article. Anything the public may not see is "not found", exactly like
     * an id that never existed.
     */
    @Transactional(readOnly = true)
    PublicArticle read(String idOrSlug, int page) {
        Instant now = clock.instant();
        ArticleRow row = resolve(idOrSlug)
                .flatMap(queries::row)
                .filter(candidate -> candidate.status() == ArticleStatus.PUBLISHED
                        && !candidate.publishedAt().isAfter(now))
                .orElseThrow(() -> new ArticleNotFoundException(idOrSlug));
        if (page > row.pageCount()) {
            throw new PageNotFoundException(page, row.pageCount());
        }
        String html = queries.pageHtml(row.id(), page).orElseThrow(() -> new PageNotFoundException(page, 0));
        List<TopicLabel> topics = queries.topicLabels(List.of(row.id())).getOrDefault(row.id(), List.of());
        List<Long> relatedIds = queries.visibleRelatedIds(row.id(), now);
        List<ArticleSummary> related = summaries(relatedIds);
        ArticleResponse body = ArticleResponse.from(
                row, topics, page, html, queries.externalLinks(row.id()), related, links.url(row.slug()), now);
        return new PublicArticle(body, publicETag(row, topics, related, now), row.updatedAt());
    }

    Optional<Long> resolve(String idOrSlug) {
        if (idOrSlug.matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(idOrSlug));
        }
        return queries.idBySlug(idOrSlug);
    }

    /**
     * Weak, because the body also shows other rows than the article's own: topic names, the lead
     * image's caption, credit and alt text, the related articles that are visible, and flags that
     * expire without a write. Their fingerprint is part of the tag, so that renaming a topic,
     * unpublishing a related article or the end of a breaking flag invalidates cached copies at once.
     */
    static String publicETag(ArticleRow row, List<TopicLabel> topics, List<ArticleSummary> related, Instant now) {
        CRC32C crc = new CRC32C();
        crc.update((row.featuredAt(now) + "/" + row.urgencyAt(now)).getBytes(StandardCharsets.UTF_8));
        crc.update(topics.toString().getBytes(StandardCharsets.UTF_8));
        crc.update(related.toString().getBytes(StandardCharsets.UTF_8));
        crc.update(String.valueOf(row.leadImage()).getBytes(StandardCharsets.UTF_8));
        String fingerprint = HexFormat.of().toHexDigits((int) crc.getValue());
        return ETags.weak(row.id() + "-" + row.version() + "-" + fingerprint);
    }

    record PublicArticle(ArticleResponse body, String etag, Instant lastModified) {}
}
