package io.dateline.feed;

import io.dateline.article.ArticleSummary;
import io.dateline.article.SummaryRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Builds and runs the one SQL statement of a feed page. Two shapes, chosen by the query:
 *
 * <ul>
 *   <li>No topic condition: a backward range scan of the partial index article_published_idx
 *       (published_at desc, id desc), the other filters applied to each row it reads.
 *   <li>Topic conditions: for each topic of the smallest "any of" group, a range scan of
 *       article_topic_stream_idx (topic_id, published_at desc, article_id desc) limited to one
 *       page, merged with UNION ALL and cut to one page again. The newest page of the union is
 *       always inside the union of each topic's newest page (an article's rank within any one of
 *       its topics is never worse than its rank overall), so the result is exact while every
 *       branch reads at most a page of matching rows.
 * </ul>
 *
 * With featured=true or breaking=true the first shape serves topics too: it reads the flags in
 * force, a range of their partial index keyed on the expiry (article_featured_idx,
 * article_breaking_idx), and tests topics on each.
 *
 * A page's rows carry their topics and lead image ({@link SummaryRows}), evaluated by PostgreSQL
 * only for the rows returned: a page is one statement, whatever its size.
 *
 * <p>Articles and their topic links are read through article's visible_article(now),
 * visible_article_topic(now) and article_topic_link (migration V97), which own the rule "visible to
 * the public"; PostgreSQL inlines them, so the plans are those of the tables' own indexes.
 */
@Repository
class FeedRepository {

    private final JdbcClient jdbc;

    private final SummaryRows summaries;

    FeedRepository(JdbcClient jdbc, SummaryRows summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
    }

    /** Cancels any statement of this transaction that runs longer than {@code timeout}. */
    void limitStatementTime(Duration timeout) {
        jdbc.sql("select set_config('statement_timeout', ?, true)")
                .param(Long.toString(timeout.toMillis()))
                .query(String.class)
                .single();
    }

    /** Up to {@code limit} visible articles after {@code after} (null: from the newest). */
    List<FeedRow> page(FeedQuery query, FeedPosition after, Instant now, int limit) {
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("now", utc(now)).addValue("limit", limit);
        String sql = sql(query, after, params);
        return jdbc.sql(sql).paramSource(params).query(this::row).list();
    }

    /** The SQL a page would run, for EXPLAIN in benchmarks and tests. */
    String sql(FeedQuery query, FeedPosition after, MapSqlParameterSource params) {
        return query.topicGroups().isEmpty() || query.onlyFlagged()
                ? streamSql(query, after, params)
                : topicSql(query, after, params);
    }

    private static String streamSql(FeedQuery query, FeedPosition after, MapSqlParameterSource params) {
        StringBuilder conditions = new StringBuilder();
        if (after != null) {
            conditions.append("\n   and (a.published_at, a.id) < (:afterAt, :afterId)");
            params.addValue("afterAt", utc(after.publishedAt())).addValue("afterId", after.id());
        }
        appendArticleFilters(conditions, query, query.topicGroups(), "a.id", "a.published_at", params);
        String where = conditions.isEmpty() ? "" : "\n where" + conditions.substring("\n   and".length());
        return "select " + SummaryRows.COLUMNS + "\n  from visible_article(:now) a" + where
                + "\n order by a.published_at desc, a.id desc\n limit :limit";
    }

    private static String topicSql(FeedQuery query, FeedPosition after, MapSqlParameterSource params) {
        List<Set<Long>> groups = new ArrayList<>(query.topicGroups());
        groups.sort(Comparator.comparingInt(Set::size));
        List<Set<Long>> others = groups.subList(1, groups.size());
        List<Long> driving = groups.get(0).stream()
                .filter(id -> !query.excludedTopicIds().contains(id))
                .sorted()
                .toList();
        if (after != null) {
            params.addValue("afterAt", utc(after.publishedAt())).addValue("afterId", after.id());
        }
        StringBuilder union = new StringBuilder();
        for (int i = 0; i < driving.size(); i++) {
            String topic = "topic" + i;
            params.addValue(topic, driving.get(i));
            if (i > 0) {
                union.append("\n    union all\n");
            }
            union.append("    (select t.article_id, t.published_at\n       from visible_article_topic(:now) t")
                    .append(needsArticleRow(query) ? " join visible_article(:now) a on a.id = t.article_id" : "")
                    .append("\n      where t.topic_id = :")
                    .append(topic);
            if (after != null) {
                union.append("\n        and (t.published_at, t.article_id) < (:afterAt, :afterId)");
            }
            StringBuilder filters = new StringBuilder();
            appendArticleFilters(filters, query, others, "t.article_id", "t.published_at", params);
            union.append(filters.toString().replace("\n", "\n     "))
                    .append("\n      order by t.published_at desc, t.article_id desc\n      limit :limit)");
        }
        return "select " + SummaryRows.COLUMNS + "\n  from (select distinct article_id, published_at from (\n" + union
                + "\n  ) branches) page\n  join visible_article(:now) a on a.id = page.article_id"
                + "\n order by page.published_at desc, page.article_id desc\n limit :limit";
    }

    /**
     * Whether a topic branch must read the article row: only for the filters on the article's own
     * columns. Time, topic and muted-topic conditions are answered from the topic link (its
     * published_at copy and the key), so a branch without them stays an index-only walk of
     * article_topic_stream_idx with index-only probes of article_topic_pkey, not a heap fetch of every
     * article it passes.
     */
    private static boolean needsArticleRow(FeedQuery query) {
        return query.languages() != null
                || query.source() != null
                || query.dateline() != null
                || query.featured() != null
                || query.breaking() != null;
    }

    private static void appendArticleFilters(
            StringBuilder sql,
            FeedQuery query,
            List<Set<Long>> topicGroups,
            String id,
            String time,
            MapSqlParameterSource params) {
        if (query.languages() != null) {
            sql.append("\n   and a.language in (:languages)");
            params.addValue("languages", List.copyOf(query.languages()));
        }
        if (query.since() != null) {
            sql.append("\n   and ").append(time).append(" >= :since");
            params.addValue("since", utc(query.since()));
        }
        if (query.until() != null) {
            sql.append("\n   and ").append(time).append(" < :until");
            params.addValue("until", utc(query.until()));
        }
        if (query.source() != null) {
            sql.append("\n   and lower(a.source) = lower(:source)");
            params.addValue("source", query.source());
        }
        if (query.dateline() != null) {
            sql.append("\n   and lower(a.dateline) = lower(:dateline)");
            params.addValue("dateline", query.dateline());
        }
        if (query.featured() != null) {
            sql.append(query.featured() ? "\n   and " : "\n   and not ")
                    .append("article_featured(a.featured, a.featured_until, :now)");
        }
        if (query.breaking() != null) {
            sql.append(query.breaking() ? "\n   and " : "\n   and not ")
                    .append("article_breaking(a.breaking_until, :now)");
        }
        for (int i = 0; i < topicGroups.size(); i++) {
            String group = "group" + i;
            sql.append("\n   and exists (select 1 from article_topic_link g where g.article_id = ")
                    .append(id)
                    .append(" and g.topic_id in (:")
                    .append(group)
                    .append("))");
            params.addValue(group, List.copyOf(topicGroups.get(i)));
        }
        if (!query.excludedTopicIds().isEmpty()) {
            sql.append("\n   and not exists (select 1 from article_topic_link m where m.article_id = ")
                    .append(id)
                    .append(" and m.topic_id in (:excluded))");
            params.addValue("excluded", List.copyOf(query.excludedTopicIds()));
        }
    }

    private FeedRow row(ResultSet rs, int rowNum) throws SQLException {
        ArticleSummary summary = summaries.read(rs);
        return new FeedRow(
                summary,
                rs.getLong("version"),
                new FeedPosition(summary.publishedAt().toInstant(), summary.id()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
