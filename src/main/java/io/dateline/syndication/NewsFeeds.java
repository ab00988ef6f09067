package io.dateline.syndication;

import io.dateline.article.ArticleService;
import io.dateline.article.PublishedArticle;
import io.dateline.platform.ETags;
import io.dateline.topic.TopicNotFoundException;
import io.dateline.topic.TopicRef;
import io.dateline.topic.TopicService;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The RSS and Atom feeds: which articles they carry and the entity tag of each document. */
@Service
class NewsFeeds {

    /** Feed readers poll; 50 items covers a busy newsroom's day between two polls of a slow reader. */
    static final int SIZE = 50;

    private final ArticleService articles;

    private final TopicService topics;

    private final FeedDocuments documents;

    private final SiteProperties site;

    NewsFeeds(ArticleService articles, TopicService topics, FeedDocuments documents, SiteProperties site) {
        this.articles = articles;
        this.topics = topics;
        this.documents = documents;
        this.site = site;
    }

    enum Format {
        RSS,
        ATOM
    }

    record Document(String xml, String etag, Instant lastModified) {}

    Document allNews(Format format) {
        FeedDocuments.Subject subject =
                new FeedDocuments.Subject(site.name() + ": All news", site.root() + "/news", "/api/v1/feeds/all");
        return render(format, subject, articles.newestPublished(null, SIZE));
    }

    /** @throws TopicNotFoundException for an unknown slug */
    Document topic(String slug, Format format) {
        TopicRef topic = topics.find(slug).orElseThrow(() -> new TopicNotFoundException(slug));
        FeedDocuments.Subject subject = new FeedDocuments.Subject(
                site.name() + ": " + topic.name(),
                site.topicUrl(topic.slug()),
                "/api/v1/topics/" + topic.slug() + "/feed");
        return render(format, subject, articles.newestPublished(topic.id(), SIZE));
    }

    private Document render(Format format, FeedDocuments.Subject subject, List<PublishedArticle> items) {
        String xml = format == Format.RSS ? documents.rss(subject, items) : documents.atom(subject, items);
        Instant lastModified = items.stream()
                .map(article ->
                        article.updatedAt().isAfter(article.publishedAt().toInstant())
                                ? article.updatedAt()
                                : article.publishedAt().toInstant())
                .max(Instant::compareTo)
                .orElse(null);
        return new Document(xml, etag(format, subject, items), lastModified);
    }

    /**
     * Weak: the tag stands for the items in their versions, plus what the document shows of other
     * rows (topic names, the feed's title), not for the bytes.
     */
    private static String etag(Format format, FeedDocuments.Subject subject, List<PublishedArticle> items) {
        String content = format + "|" + subject + "|"
                + items.stream()
                        .map(article -> article.id() + ":" + article.version() + ":" + article.topics())
                        .collect(Collectors.joining(","));
        return ETags.weakDigest(content);
    }
}
