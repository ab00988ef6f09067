package io.dateline.newsroom;

import io.dateline.article.ArticleStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.annotations.ListIndexBase;

/**
 * The article aggregate: content, pages, topics and links change together, under one version.
 * State changes check their own rules; slugs are chosen by the service (uniqueness needs the
 * database) but the article decides whether its slug may still change.
 */
@Entity
@Table(name = "article")
class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String language;

    private String headline;

    private String lead;

    private String bodyText;

    private int pageCount;

    private String dateline;

    private String source;

    private String byline;

    private String timeZone;

    @Enumerated(EnumType.STRING)
    private ArticleStatus status;

    private Instant publishedAt;

    private Instant firstPublishedAt;

    private Instant createdAt;

    private Instant updatedAt;

    private boolean featured;

    private Instant featuredUntil;

    private Integer urgency;

    private Instant breakingUntil;

    // starts at 1 so that the first revision is "version 1"; Hibernate keeps a non-zero seed
    @Version
    private long version = 1;

    @ElementCollection
    @CollectionTable(name = "article_page", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "page_number")
    @ListIndexBase(1)
    @Column(name = "body_html")
    private List<String> pages = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_topic", joinColumns = @JoinColumn(name = "article_id"))
    private Set<ArticleTopic> topics = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "article_external_link", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    private List<ExternalLink> externalLinks = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_related", joinColumns = @JoinColumn(name = "article_id"))
    @OrderBy("position")
    private List<RelatedArticle> related = new ArrayList<>();

    private Long leadImageId;

    @ElementCollection
    @CollectionTable(name = "article_image", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "image_id")
    private List<Long> images = new ArrayList<>();

    protected Article() {}

    static Article draft(ArticleContent content, String slug, Instant now) {
        Article article = new Article();
        article.slug = slug;
        article.status = ArticleStatus.DRAFT;
        article.createdAt = now;
        article.revise(content, now);
        return article;
    }

    void revise(ArticleContent content, Instant now) {
        if (content.pages().isEmpty() || content.topics().isEmpty()) {
            throw new IllegalArgumentException("An article has at least one page and one topic");
        }
        headline = content.headline();
        lead = content.lead();
        pages.clear();
        pages.addAll(content.pages());
        pageCount = content.pages().size();
        bodyText = content.bodyText();
        dateline = content.dateline();
        source = content.source();
        byline = content.byline();
        language = content.language();
        timeZone = content.timeZone();
        topics.clear();
        topics.addAll(content.topics());
        externalLinks.clear();
        externalLinks.addAll(content.externalLinks());
        related.clear();
        for (int i = 0; i < content.relatedIds().size(); i++) {
            related.add(new RelatedArticle(content.relatedIds().get(i), i));
        }
        leadImageId = content.leadImageId();
        images.clear();
        images.addAll(content.imageIds());
        updatedAt = now;
    }

    /** The slug follows the headline until the article is first published; then it is permanent. */
    boolean slugIsPermanent() {
        return firstPublishedAt != null;
    }

    void renameSlug(String newSlug) {
        if (slugIsPermanent()) {
            throw new IllegalStateException("The slug of a published article does not change");
        }
        slug = newSlug;
    }

    /**
     * Publishes now, or at {@code at} (a time still to come schedules the article). Publishing a
     * live article again without a time keeps its publish time, so that a retried call does not
     * move it to the top of the feed.
     *
     * @return false when nothing changed
     */
    boolean publish(Instant at, Clock clock) {
        if (status == ArticleStatus.ARCHIVED) {
            throw new ArticleStateException(
                    id,
                    "archived",
                    "An archived article must be unpublished (back to a draft)" + " before it can be published again.");
        }
        Instant now = now(clock);
        Instant when = at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
        if (when == null) {
            when = status == ArticleStatus.PUBLISHED && !publishedAt.isAfter(now) ? publishedAt : now;
        }
        if (status == ArticleStatus.PUBLISHED && when.equals(publishedAt)) {
            return false;
        }
        status = ArticleStatus.PUBLISHED;
        publishedAt = when;
        if (firstPublishedAt == null) {
            firstPublishedAt = when;
        }
        updatedAt = now;
        return true;
    }

    /** Back to a draft, from published, scheduled or archived. */
    boolean unpublish(Clock clock) {
        if (status == ArticleStatus.DRAFT) {
            return false;
        }
        status = ArticleStatus.DRAFT;
        publishedAt = null;
        updatedAt = now(clock);
        return true;
    }

    /** Gone from the public, kept for editors. */
    boolean archive(Clock clock) {
        if (status == ArticleStatus.ARCHIVED) {
            return false;
        }
        status = ArticleStatus.ARCHIVED;
        updatedAt = now(clock);
        return true;
    }

    /**
     * Pins the article, until {@code until} or, when null, until unpinned. The caller has checked
     * that {@code until} is still to come.
     *
     * @return false when nothing changed
     */
    boolean feature(Instant until, Clock clock) {
        Instant expiry = until == null ? null : until.truncatedTo(ChronoUnit.MICROS);
        if (featured && Objects.equals(featuredUntil, expiry)) {
            return false;
        }
        featured = true;
        featuredUntil = expiry;
        updatedAt = now(clock);
        return true;
    }

    /** Unpins, whether or not the pin has expired. */
    boolean unfeature(Clock clock) {
        if (!featured) {
            return false;
        }
        featured = false;
        featuredUntil = null;
        updatedAt = now(clock);
        return true;
    }

    /**
     * Breaking news of this urgency (IPTC: 1 most urgent, 9 least) until {@code until}: a flag
     * that always ends, so that one nobody clears does not stay breaking for ever.
     *
     * @return false when nothing changed
     */
    boolean markBreaking(int urgency, Instant until, Clock clock) {
        if (urgency < 1 || urgency > 9) {
            throw new IllegalArgumentException("An urgency is 1 to 9");
        }
        Instant expiry = until.truncatedTo(ChronoUnit.MICROS);
        if (Objects.equals(this.urgency, urgency) && expiry.equals(breakingUntil)) {
            return false;
        }
        this.urgency = urgency;
        breakingUntil = expiry;
        updatedAt = now(clock);
        return true;
    }

    /** No longer breaking news, whether or not the flag has expired. */
    boolean endBreaking(Clock clock) {
        if (urgency == null) {
            return false;
        }
        urgency = null;
        breakingUntil = null;
        updatedAt = now(clock);
        return true;
    }

    /** Microseconds, as PostgreSQL stores them. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Visible to the public at {@code now}: the rule of the public read model, applied to this row. */
    boolean isPublicAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && !publishedAt.isAfter(now);
    }

    /** Was public at some time before {@code now} (it may be archived or a draft again since). */
    boolean wasEverPublicBefore(Instant now) {
        return firstPublishedAt != null && !firstPublishedAt.isAfter(now);
    }

    /** DRAFT, PUBLISHED, SCHEDULED or ARCHIVED, as editors see it at {@code now}. */
    String statusAt(Instant now) {
        if (status == ArticleStatus.PUBLISHED && publishedAt.isAfter(now)) {
            return "SCHEDULED";
        }
        return status.name();
    }

    Long id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String language() {
        return language;
    }

    String headline() {
        return headline;
    }

    String lead() {
        return lead;
    }

    List<String> pages() {
        return List.copyOf(pages);
    }

    String dateline() {
        return dateline;
    }

    String source() {
        return source;
    }

    String byline() {
        return byline;
    }

    String timeZone() {
        return timeZone;
    }

    ArticleStatus status() {
        return status;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }

    boolean featured() {
        return featured;
    }

    Instant featuredUntil() {
        return featuredUntil;
    }

    Integer urgency() {
        return urgency;
    }

    Instant breakingUntil() {
        return breakingUntil;
    }

    Set<ArticleTopic> topics() {
        return Set.copyOf(topics);
    }

    List<ExternalLink> externalLinks() {
        return List.copyOf(externalLinks);
    }

    List<Long> relatedIds() {
        return related.stream().map(RelatedArticle::relatedId).toList();
    }

    Long leadImageId() {
        return leadImageId;
    }

    /** The pictures its body embeds, in order. */
    List<Long> imageIds() {
        return List.copyOf(images);
    }

    /** Every image the article shows: its lead image and those of its body. */
    Set<Long> allImageIds() {
        Set<Long> all = new HashSet<>(images);
        if (leadImageId != null) {
            all.add(leadImageId);
        }
        return all;
    }
}
