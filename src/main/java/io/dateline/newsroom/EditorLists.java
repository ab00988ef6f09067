package io.dateline.newsroom;

import io.dateline.article.ArticleService;
import io.dateline.article.TopicLabel;
import io.dateline.platform.Cursors;
import io.dateline.platform.InvalidCursorException;
import io.dateline.topic.TopicRef;
import io.dateline.topic.TopicService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' lists: every article whatever its state, with the public feed's filters and keyset
 * paging. Each state has the order an editor works in: drafts and archived articles most recently
 * changed first, published newest first, scheduled next to appear first; without a state, most
 * recently changed first.
 */
@Component
class EditorLists {

    private final JdbcClient jdbc;

    private final TopicService topics;

    private final ArticleService articles;

    private final Cursors cursors;

    EditorLists(JdbcClient jdbc, TopicService topics, ArticleService articles, Cursors cursors) {
        this.jdbc = jdbc;
        this.topics = topics;
        this.articles = articles;
        this.cursors = cursors;
    }

    record Filter(
            EditorState state,
            List<String> topics,
            List<String> excludeTopics,
            List<String> languages,
            Instant since,
            Instant until,
            String source,
            String dateline) {

        String canonical() {
            return "newsroom|" + state + "|" + topics + "|" + excludeTopics + "|" + languages + "|" + since + "|"
                    + until + "|" + source + "|" + dateline;
        }
    }

    enum EditorState {
        DRAFT,
        PUBLISHED,
        SCHEDULED,
        ARCHIVED
    }

    /** Each state's sort key: the column, and whether the walk goes from the newest. */
    private record Order(String column, boolean descending) {

        static Order of(EditorState state) {
            if (state == EditorState.PUBLISHED) {
                return new Order("published_at", true);
            }
            if (state == EditorState.SCHEDULED) {
                return new Order("published_at", false);
            }
            return new Order("updated_at", true);
        }
    }

    @Transactional(readOnly = true)
    EditorPage page(Filter filter, String cursor, int limit, Instant now) {
        Order order = Order.of(filter.state());
        // published and scheduled are the public rule and its complement: article's functions (V97) say them
        String from = filter.state() == null
                ? "article a where true"
                : switch (filter.state()) {
                    case DRAFT -> "article a where a.status = 'DRAFT'";
                    case ARCHIVED -> "article a where a.status = 'ARCHIVED'";
                    case PUBLISHED -> "visible_article(:now) a where true";
                    case SCHEDULED -> "scheduled_article(:now) a where true";
                };
        StringBuilder sql = new StringBuilder("select a.id, a." + order.column() + " as sort_at from " + from);
        Map<String, Object> params = new HashMap<>();
        params.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        List<Long> required = ids(filter.topics());
        if (!required.isEmpty()) {
            sql.append(
                    " and exists (select 1 from article_topic t where t.article_id = a.id and t.topic_id in (:topics))");
            params.put("topics", required);
        }
        List<Long> excluded = ids(filter.excludeTopics());
        if (!excluded.isEmpty()) {
            sql.append(" and not exists (select 1 from article_topic t where t.article_id = a.id"
                    + " and t.topic_id in (:excluded))");
            params.put("excluded", excluded);
        }
        if (!filter.languages().isEmpty()) {
            sql.append(" and a.language in (:languages)");
            params.put("languages", filter.languages());
        }
        if (filter.since() != null) {
            sql.append(" and a.published_at >= :since");
            params.put("since", OffsetDateTime.ofInstant(filter.since(), ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            sql.append(" and a.published_at < :until");
            params.put("until", OffsetDateTime.ofInstant(filter.until(), ZoneOffset.UTC));
        }
        if (filter.source() != null) {
            sql.append(" and lower(a.source) = lower(:source)");
            params.put("source", filter.source());
        }
        if (filter.dateline() != null) {
            sql.append(" and lower(a.dateline) = lower(:dateline)");
            params.put("dateline", filter.dateline());
        }
        String direction = order.descending() ? "desc" : "asc";
        if (cursor != null) {
            List<String> position = cursors.decode(cursor, filter.canonical());
            sql.append(" and (a." + order.column() + ", a.id) " + (order.descending() ? "<" : ">")
                    + " (:afterAt, :afterId)");
            params.put("afterAt", OffsetDateTime.ofInstant(instant(position.get(0)), ZoneOffset.UTC));
            params.put("afterId", number(position.get(1)));
        }
        sql.append(" order by a." + order.column() + " " + direction + ", a.id " + direction + " limit :limit");
        params.put("limit", limit + 1);
        List<Position> positions = jdbc.sql(sql.toString())
                .params(params)
                .query(EditorLists::position)
                .list();
        boolean more = positions.size() > limit;
        List<Position> shown = more ? positions.subList(0, limit) : positions;
        String next = null;
        if (more) {
            Position last = shown.get(shown.size() - 1);
            next = cursors.encode(filter.canonical(), List.of(last.sortAt().toString(), String.valueOf(last.id())));
        }
        return new EditorPage(summaries(shown.stream().map(Position::id).toList(), now), next);
    }

    private record Position(long id, Instant sortAt) {}

    private static Position position(ResultSet rs, int n) throws SQLException {
        return new Position(
                rs.getLong("id"), rs.getObject("sort_at", OffsetDateTime.class).toInstant());
    }

    private List<Long> ids(List<String> slugs) {
        return topics.requireAll(slugs).stream().map(TopicRef::id).toList();
    }

    private List<EditorArticleSummary> summaries(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, EditorArticleSummary> byId = new HashMap<>();
        jdbc.sql("""
                        select id, slug, status, headline, language, published_at, time_zone, page_count,
                               created_at, updated_at, version
                          from article
                         where id in (:ids)
                        """).param("ids", ids).query(rs -> {
            long id = rs.getLong("id");
            OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
            String zone = rs.getString("time_zone");
            String status = rs.getString("status");
            boolean scheduled =
                    status.equals("PUBLISHED") && published.toInstant().isAfter(now);
            byId.put(
                    id,
                    new EditorArticleSummary(
                            id,
                            rs.getString("slug"),
                            scheduled ? "SCHEDULED" : status,
                            rs.getString("headline"),
                            rs.getString("language"),
                            List.of(),
                            published == null
                                    ? null
                                    : published
                                            .atZoneSameInstant(ZoneId.of(zone))
                                            .toOffsetDateTime(),
                            zone,
                            rs.getInt("page_count"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                            rs.getLong("version")));
        });
        Map<Long, List<TopicLabel>> labels = articles.topicLabels(ids);
        List<EditorArticleSummary> ordered = new ArrayList<>();
        for (long id : ids) {
            EditorArticleSummary summary = byId.get(id);
            if (summary != null) {
                ordered.add(summary.withTopics(labels.getOrDefault(id, List.of())));
            }
        }
        return ordered;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException ex) {
            throw new InvalidCursorException("The cursor is not one this service issued.");
        }
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException ex) {
            throw new InvalidCursorException("The cursor is not one this service issued.");
        }
    }
}
