package io.dateline.feed;

import io.dateline.article.PublishedFacets;
import io.dateline.platform.Cursors;
import io.dateline.platform.ETags;
import io.dateline.platform.InvalidCursorException;
import io.dateline.platform.StatementTimeoutException;
import io.dateline.reader.FeedPreferences;
import io.dateline.topic.TopicRef;
import io.dateline.topic.TopicService;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feed filter: composes a request's filters and, for a reader's own feed, the reader's
 * preferences into one {@link FeedQuery}, and pages through it with signed keyset cursors.
 */
@Service
class FeedService {

    private final FeedRepository feed;

    private final TopicService topics;

    private final Cursors cursors;

    private final Clock clock;

    private final PublishedFacets facets;

    private final FeedProperties properties;

    private final FeedPageCache pages;

    private final TransactionTemplate readOnly;

    FeedService(
            FeedRepository feed,
            TopicService topics,
            Cursors cursors,
            Clock clock,
            PublishedFacets facets,
            FeedProperties properties,
            FeedPageCache pages,
            PlatformTransactionManager transactions) {
        this.feed = feed;
        this.topics = topics;
        this.cursors = cursors;
        this.clock = clock;
        this.facets = facets;
        this.properties = properties;
        this.pages = pages;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Resolves the request's filters; unknown topic slugs are rejected (422) naming them. */
    FeedQuery compose(FeedFilter filter, FeedPreferences preferences) {
        FeedQuery query = FeedQuery.ALL
                .requireAnyOf(ids(topics.requireAll(filter.topics())))
                .exclude(ids(topics.requireAll(filter.excludeTopics())))
                .inLanguages(Set.copyOf(filter.languages()))
                .between(filter.since(), filter.until(), filter.source(), filter.dateline())
                .flagged(filter.featured(), filter.breaking());
        if (preferences.filterEnabled()) {
            query = query.requireAnyOf(preferences.followedTopicIds())
                    .exclude(preferences.mutedTopicIds())
                    .inLanguages(preferences.languages());
        }
        return query;
    }

    /**
     * A page from memory when one for the same composed query, cursor and limit was read since the
     * last change (FeedPageCache); otherwise read in a read-only transaction, which a hit never
     * opens.
     */
    Result page(FeedQuery query, String cursor, int limit) {
        return pages.get(query, cursor, limit, () -> readOnly.execute(status -> read(query, cursor, limit)));
    }

    private Result read(FeedQuery query, String cursor, int limit) {
        FeedPosition after = cursor == null ? null : position(cursors.decode(cursor, query.canonical()));
        Instant now = clock.instant();
        if (query.matchesNothing()
                || (query.narrowed() && !facets.anyVisible(query.source(), query.dateline(), query.languages(), now))) {
            return new Result(new FeedPage(List.of(), null), etag(List.of(), null));
        }
        if (query.narrowed()) {
            // a combination of filters that each match (a rare language in a rare topic) can still
            // leave the walk little to find: the timeout bounds it (docs/feed-plans.md)
            feed.limitStatementTime(properties.filteredStatementTimeout());
        }
        List<FeedRow> rows;
        try {
            rows = feed.page(query, after, now, limit + 1);
        } catch (DataAccessException ex) {
            if (StatementTimeoutException.causedBy(ex)) {
                throw new StatementTimeoutException();
            }
            throw ex;
        }
        List<FeedRow> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            FeedPosition last = shown.get(shown.size() - 1).position();
            next = cursors.encode(query.canonical(), List.of(last.publishedAt().toString(), Long.toString(last.id())));
        }
        FeedPage page = new FeedPage(shown.stream().map(FeedRow::summary).toList(), next);
        return new Result(page, etag(shown, next));
    }

    private static FeedPosition position(List<String> parts) {
        if (parts.size() != 2) {
            throw new InvalidCursorException("The cursor is not one this service issued.");
        }
        try {
            return new FeedPosition(Instant.parse(parts.get(0)), Long.parseLong(parts.get(1)));
        } catch (DateTimeParseException | NumberFormatException ex) {
            throw new InvalidCursorException("The cursor is not one this service issued.");
        }
    }

    /**
     * A page's entity tag: which articles, in which versions, with which lead image metadata and
     * flags (both change without the article's version: metadata edits, flag expiry), and where the
     * next page starts.
     */
    private static String etag(List<FeedRow> rows, String next) {
        String content = rows.stream()
                        .map(row -> row.summary().id() + ":" + row.version() + ":"
                                + Objects.hashCode(row.summary().leadImage()) + ":"
                                + row.summary().featured() + ":" + row.summary().urgency())
                        .collect(Collectors.joining(","))
                + "|" + next;
        return ETags.weakDigest(content);
    }

    private static Set<Long> ids(List<TopicRef> refs) {
        return refs.stream().map(TopicRef::id).collect(Collectors.toSet());
    }

    record Result(FeedPage page, String etag) {}
}
