package io.dateline.newsroom;

import io.dateline.article.ArticleStatus;
import io.dateline.newsroom.ArticleChanged.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the editorial writes into {@link ArticleChanged} events, inside the writing transaction, so
 * that the event publication registry stores them with the change (the outbox): an event exists if
 * and only if its change committed.
 *
 * <p>A scheduled article becomes public when its time comes, without any write. Such an article has
 * a row in {@code scheduled_article_event}, kept by the writes; a scan every {@code
 * dateline.events.scheduled-scan-interval} takes the rows that fell due, deletes them and raises
 * "published" in the same transaction: once per article and time, also with several instances
 * (FOR UPDATE SKIP LOCKED). An article the scan has not reached yet counts as not yet public for
 * the next write's event, so that subscribers never see "updated" before "published".
 */
@Component
class PublicChanges {

    private static final Logger log = LoggerFactory.getLogger(PublicChanges.class);

    private static final int SCAN_BATCH = 100;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    private final Clock clock;

    PublicChanges(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** After a write: raises the event the public sees, and keeps the article's scheduled row. */
    void recorded(Article article, boolean wasPublic, Instant now) {
        Optional<Instant> unannounced = jdbc.sql("""
                        delete from scheduled_article_event where article_id = :id returning publish_at
                        """)
                .param("id", article.id())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
        boolean announced =
                wasPublic && unannounced.filter(at -> !at.isAfter(now)).isEmpty();
        boolean isPublic = article.isPublicAt(now);
        if (article.status() == ArticleStatus.PUBLISHED && !isPublic) {
            jdbc.sql("insert into scheduled_article_event (article_id, publish_at) values (:id, :at)")
                    .param("id", article.id())
                    .param("at", OffsetDateTime.ofInstant(article.publishedAt(), ZoneOffset.UTC))
                    .update();
        }
        typeOf(announced, isPublic, article.status())
                .ifPresent(type -> raise(type, article.id(), article.slug(), article.version(), now));
    }

    /** Before a purge: subscribers that may hold the article learn it is gone. */
    void purged(Article article, Instant now) {
        if (article.wasEverPublicBefore(now)) {
            raise(Type.DELETED, article.id(), article.slug(), article.version(), now);
        }
    }

    /** The public's view of a write: what the article was and is for anonymous readers. */
    static Optional<Type> typeOf(boolean wasPublic, boolean isPublic, ArticleStatus status) {
        if (isPublic) {
            return Optional.of(wasPublic ? Type.UPDATED : Type.PUBLISHED);
        }
        if (wasPublic) {
            return Optional.of(status == ArticleStatus.ARCHIVED ? Type.ARCHIVED : Type.UNPUBLISHED);
        }
        return Optional.empty();
    }

    @Scheduled(
            initialDelayString = "${dateline.events.scheduled-scan-interval:5s}",
            fixedDelayString = "${dateline.events.scheduled-scan-interval:5s}")
    void scheduled() {
        try {
            announceDue();
        } catch (RuntimeException ex) {
            // the rows stay; the next scan takes them
            log.warn("Scan for scheduled articles whose time came failed: {}", ex.toString());
        }
    }

    /** Raises "published" for every scheduled article whose time came; returns how many. */
    int announceDue() {
        int total = 0;
        int batch;
        do {
            batch = transactions.execute(status -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                List<Due> due = jdbc.sql("""
                                delete from scheduled_article_event s using article a
                                 where a.id = s.article_id
                                   and s.article_id in (
                                       select article_id from scheduled_article_event
                                        where publish_at <= :now
                                        order by publish_at
                                        limit :limit
                                        for update skip locked)
                                returning a.id, a.slug, a.version, a.status, a.published_at, s.publish_at
                                """)
                        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .param("limit", SCAN_BATCH)
                        .query((rs, n) -> new Due(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class),
                                rs.getObject(6, OffsetDateTime.class).toInstant()))
                        .list();
                for (Due article : due) {
                    // the writes keep the row in step with the article; checked anyway, as it is cheap
                    if (article.status().equals(ArticleStatus.PUBLISHED.name())
                            && article.publishedAt() != null
                            && article.publishedAt().toInstant().equals(article.publishAt())) {
                        raise(Type.PUBLISHED, article.id(), article.slug(), article.version(), article.publishAt());
                    }
                }
                return due.size();
            });
            total += batch;
        } while (batch == SCAN_BATCH);
        return total;
    }

    private void raise(Type type, long id, String slug, long version, Instant at) {
        events.publishEvent(new ArticleChanged(UUID.randomUUID(), type, id, slug, version, at));
    }

    private record Due(
            long id, String slug, long version, String status, OffsetDateTime publishedAt, Instant publishAt) {}
}
