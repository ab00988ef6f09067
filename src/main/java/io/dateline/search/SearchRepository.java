package io.dateline.search;

import io.dateline.article.ArticleSummary;
import io.dateline.article.SummaryRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and runs the SQL of a search. The text is always the bound parameter {@code :q}, read by
 * {@code websearch_to_tsquery} (once, in the search's first statement: {@link #begin}), which
 * accepts any input: quotes, operators and SQL in it are words or ignored punctuation, never
 * syntax. The statements after it bind the resulting tsqueries.
 *
 * <p>Articles are indexed in their language's configuration (article.search_vector, migration V40),
 * so the text is matched per language group, each with its own configuration: {@code (en and
 * vector @@ english query) or (ru and vector @@ russian query) or (others and vector @@ simple
 * query)}. Each arm can use the GIN index article_search_idx, and PostgreSQL combines them with a
 * BitmapOr.
 *
 * <p>Matches come from two branches, united: the article's own text matches (through one of two
 * {@link Access} paths that the service chooses), or (when some topic's name matches the query at
 * all) the article is filed under a topic whose name matches the query and its text does not
 * contain an excluded word (each such topic's stream walked through article_topic_stream_idx).
 * Each branch yields at most the newest :limit matches after the position; only those are ranked,
 * and only the page's rows get highlights and topics, in a second statement.
 */
@Repository
class SearchRepository {

    /** ts_rank_cd weights in PostgreSQL's order D, C (body), B (lead, topic names), A (headline). */
    private static final String WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'";

    /**
     * Topics whose name matches the whole query in any configuration (the names' vectors are kept
     * in the topic rows, migration V118), found by {@link #begin}; each article found through one is
     * then checked in its own language's configuration. Bounded, because each one is a branch of
     * the search.
     */
    private static final String TOPICS_MATCHING = """
            array(select tp.id
                    from topic tp
                   where tp.name_english @@ websearch_to_tsquery('english', :q)
                      or tp.name_russian @@ websearch_to_tsquery('russian', :q)
                      or tp.name_simple @@ websearch_to_tsquery('simple', :q)
                   order by tp.id
                   limit 20)""";

    private static final String MATCHED_TOPICS = """
            matched_topic as (
                select tp.id, tp.name
                  from topic tp
                 where tp.id in (:matchedTopics))""";

    /**
     * What is ranked when some topic matched: the article's compact vector (headline A, lead B:
     * article.search_head, migration V65) and the names of the matching topics it is filed under;
     * when none did, the compact vector alone. Not the full search_vector: it is TOASTed, and
     * reading it again for every candidate cost more than the rest of the search
     * (docs/search-performance.md). A match in the body alone ranks 0 here, so such matches follow
     * headline and lead matches in order of recency.
     */
    private static final String DOCUMENT_WITH_TOPICS = """
            a.search_head || coalesce(setweight(to_tsvector(article_search_config(a.language),
                        (select string_agg(m.name, ' ' order by m.id)
                           from article_topic_link x join matched_topic m on m.id = x.topic_id
                          where x.article_id = a.id)), 'B'), '')""";

    /**
     * Article {@code a}'s document and query as {@code d.document} and {@code d.query}. "offset 0"
     * keeps PostgreSQL from flattening the subquery into the expressions that use it, which would
     * build the document once per use.
     */
    private static String documentAndQuery(Terms terms) {
        return " cross join lateral (select " + (terms.topics().isEmpty() ? "a.search_head" : DOCUMENT_WITH_TOPICS)
                + " as document,\n" + "                            " + rowQuery() + " as query offset 0) d\n";
    }

    /** See {@link Relevance}: a headline tier plus the cover density rank scaled into [0, 1). */
    private static final String RANK = "ts_rank_cd(" + WEIGHTS + ", d.document, d.query, 32)"
            + " + case when ts_filter(d.document, '{a}') @@ d.query then 1 else 0 end";

    /**
     * Only this much of the body feeds the snippet ({@link Snippets}): the first 20,000 characters
     * (some 3,000 words) hold the matches of nearly every news article. A match only further down
     * gets the body's beginning as snippet.
     */
    static final int SNIPPET_SOURCE_CHARS = 20_000;

    /**
     * The headline marked by ts_headline (it is short), and what the snippet is made of: the body's
     * beginning and the lexemes of the query the article was matched with, as querytree prints
     * them.
     */
    private static String highlights() {
        return """
            ts_headline(article_search_config(a.language), translate(a.headline, :protect, :protected), %1$s,
                               :headlineOptions) as marked_headline,
                   left(a.body_text, %2$d) as snippet_source,
                   querytree(%1$s) as query_words""".formatted(rowQuery(), SNIPPET_SOURCE_CHARS);
    }

    private static final String HEADLINE_OPTIONS =
            "HighlightAll=true, StartSel=" + Highlights.START + ", StopSel=" + Highlights.STOP;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final SummaryRows summaries;

    SearchRepository(JdbcClient jdbc, JsonMapper json, SummaryRows summaries) {
        this.jdbc = jdbc;
        this.json = json;
        this.summaries = summaries;
    }

    /**
     * Begins a search: its first statement sets the transaction's statement timeout and plan mode,
     * turns the query into the tsquery of each text search configuration, and finds the topics
     * whose name matches it. The search's statements then bind those tsqueries as parameters of
     * type tsquery and name the topics by id ({@link Terms}), so that no statement parses the words
     * again, and a statement without a topic branch has none to plan.
     *
     * <p>Plans: the JDBC driver prepares a statement on the server after a few executions, and
     * PostgreSQL may then use a generic plan, made without the parameters' values. Walks and page
     * rows of a published search without topic filters run on generic plans ({@code
     * force_generic_plan}): their shape is fixed by the SQL (the newest rows by the publish-time
     * index, rows by primary key), so one plan per connection serves every query, where planning
     * the walk anew each time cost more than a quarter of it. Anything else plans for its actual
     * parameters ({@code force_custom_plan}), as the index paths always do ({@link
     * #planForActualParameters}): not knowing the window, a topic filter's join may read the whole
     * table; not knowing the words, the index path cannot tell a rare one from a common one. A plan
     * costs a millisecond or two; a wrong one, seconds.
     */
    Terms begin(SearchQuery query, Duration statementTimeout) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("q", query.text())
                .addValue("planMode", genericPlans(query) ? "force_generic_plan" : "force_custom_plan")
                .addValue("timeout", Long.toString(statementTimeout.toMillis()));
        query.latinSpelling().ifPresent(latin -> params.addValue("qLatin", latin));
        query.cyrillicSpelling().ifPresent(cyrillic -> params.addValue("qCyrillic", cyrillic));
        return jdbc.sql("select set_config('plan_cache_mode', :planMode, true)"
                        + " || set_config('statement_timeout', :timeout, true) as settings,\n"
                        + "       cast(" + tsquery("english", query) + " as text) as english,\n"
                        + "       cast(" + tsquery("russian", query) + " as text) as russian,\n"
                        + "       cast(" + tsquery("simple", query) + " as text) as simple,\n"
                        + "       " + TOPICS_MATCHING + " as topics")
                .paramSource(params)
                .query((rs, rowNum) -> {
                    Long[] topics = (Long[]) rs.getArray("topics").getArray();
                    return new Terms(
                            query,
                            rs.getString("english"),
                            rs.getString("russian"),
                            rs.getString("simple"),
                            List.of(topics));
                })
                .single();
    }

    /**
     * Plans the rest of the transaction's statements for their actual parameters (see {@link
     * #begin}); nothing to send for a search that began so.
     */
    void planForActualParameters(Terms terms) {
        if (genericPlans(terms.query())) {
            jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)")
                    .query(String.class)
                    .single();
        }
    }

    /** Whether {@link #begin} lets the search's statements run on generic plans. */
    private static boolean genericPlans(SearchQuery query) {
        return query.scope() == SearchScope.PUBLISHED
                && query.topicIds().isEmpty()
                && query.excludedTopicIds().isEmpty();
    }

    /**
     * The newest {@code wanted} matches after {@code after} (null: from the newest), newest first,
     * each with its rank, read with the given access path.
     */
    Found candidates(Terms terms, Position after, Instant now, int wanted, Access access) {
        MapSqlParameterSource params = parameters(terms, now).addValue("limit", wanted);
        int[] ownMatches = {0};
        Position[] oldestOwn = {null};
        List<Candidate> candidates = jdbc.sql(candidatesSql(terms, after, access, params))
                .paramSource(params)
                .query((rs, rowNum) -> {
                    ownMatches[0] = rs.getInt("own_matches");
                    if (rowNum == 0 && rs.getTimestamp("oldest_own_time") != null) {
                        oldestOwn[0] =
                                new Position(instant(rs.getTimestamp("oldest_own_time")), rs.getLong("oldest_own_id"));
                    }
                    return new Candidate(rs.getLong("id"), instant(rs.getTimestamp("sort_time")), rs.getDouble("rank"));
                })
                .list();
        return new Found(candidates, ownMatches[0], oldestOwn[0]);
    }

    /**
     * PostgreSQL's estimate of how many articles' own text matches, from its statistics of the
     * search vectors' words (planning only, nothing is read; EXPLAIN plans with the parameters'
     * values whatever the plan mode): the product of the words' shares for an "and", so words that
     * tend to occur together are underestimated.
     */
    long estimatedMatches(Terms terms, Instant now) {
        MapSqlParameterSource params = parameters(terms, now);
        String plan = jdbc.sql("explain (format json) select 1 from "
                        + terms.query().scope().articles + " a where " + ownMatch(terms.query(), params))
                .paramSource(params)
                .query(String.class)
                .single();
        return json.readTree(plan).path(0).path("Plan").path("Plan Rows").asLong();
    }

    /**
     * How many articles match, counted up to {@code cap + 1}: both branches of a search (own text
     * through the full-text index, topic names through their streams), each article once.
     */
    int countMatches(Terms terms, Instant now, int cap) {
        SearchQuery query = terms.query();
        MapSqlParameterSource params = parameters(terms, now).addValue("limit", cap + 1);
        // any cap + 1 matches of the own text, in no order: the scan stops there, where listing
        // the newest would read (and sort) every match first
        String own = "  (select a.id, " + query.scope().timeColumn + " as sort_time, true as own\n"
                + "     from " + query.scope().articles + " a\n"
                + "    where " + ownMatch(query, params) + "\n"
                + "    limit :limit)";
        return jdbc.sql(withFound(terms, own, null, params) + "select count(distinct id) from found")
                .paramSource(params)
                .query(Integer.class)
                .single();
    }

    /**
     * {@code with found as (...)}: the own-text matches, and when some topic's name matched, the
     * articles filed under it (with {@code matched_topic} before it).
     */
    private static String withFound(Terms terms, String ownText, Position after, MapSqlParameterSource params) {
        if (terms.topics().isEmpty()) {
            return "with found as (\n" + ownText + "\n)\n";
        }
        params.addValue("matchedTopics", terms.topics());
        return "with " + MATCHED_TOPICS + ",\n"
                + "found as (\n"
                + ownText
                + "\n  union all\n"
                + topicNames(terms.query(), after, params)
                + "\n)\n";
    }

    /** The own-text condition with the query's filters: every match of the article's own text. */
    private static String ownMatch(SearchQuery query, MapSqlParameterSource params) {
        StringBuilder match = new StringBuilder("(")
                .append(String.join("\n        or ", textMatch(query, params)))
                .append(")");
        appendFilters(match, query, query.scope().timeColumn, "\n      ", params);
        return match.toString();
    }

    /** The page rows of the given articles, with highlights, in no particular order. */
    List<SearchRow> rows(Terms terms, List<Long> ids, Instant now) {
        MapSqlParameterSource params = parameters(terms, now).addValue("ids", ids);
        return jdbc.sql(rowsSql(terms.query(), params))
                .paramSource(params)
                .query(this::row)
                .list();
    }

    static MapSqlParameterSource parameters(Terms terms, Instant now) {
        return new MapSqlParameterSource()
                .addValue("english", tsqueryValue(terms.english()))
                .addValue("russian", tsqueryValue(terms.russian()))
                .addValue("simple", tsqueryValue(terms.simple()))
                .addValue("now", utc(now))
                .addValue("protect", Highlights.PROTECT)
                .addValue("protected", Highlights.PROTECTED)
                .addValue("headlineOptions", HEADLINE_OPTIONS);
    }

    /**
     * The matches of both branches, the newest :limit of them ranked. {@code own_matches} counts
     * what the first branch (the article's own text) found before the cut: when it found :limit,
     * its walk reached every match it had to. {@code oldest_own_*} is the oldest of those (which
     * the cut may have left out of the list): a walk that falls short goes on from there.
     */
    static String candidatesSql(Terms terms, Position after, Access access, MapSqlParameterSource params) {
        SearchQuery query = terms.query();
        if (after != null) {
            params.addValue("afterTime", utc(after.time())).addValue("afterId", after.id());
        }
        return withFound(terms, ownText(query, after, access, params), after, params)
                + "select a.id, f.sort_time, " + RANK + " as rank,\n"
                + "       (select count(*) from found where own) as own_matches,\n"
                + "       o.sort_time as oldest_own_time, o.id as oldest_own_id\n"
                + "  from (select id, max(sort_time) as sort_time from found group by id\n"
                + "         order by sort_time desc, id desc limit :limit) f\n"
                + "  join " + query.scope().articles + " a on a.id = f.id\n"
                + "  left join (select id, sort_time from found where own\n"
                + "              order by sort_time, id limit 1) o on true\n"
                + documentAndQuery(terms)
                + " order by f.sort_time desc, f.id desc";
    }

    static String rowsSql(SearchQuery query, MapSqlParameterSource params) {
        return "select " + SummaryRows.COLUMNS + ",\n"
                + "       " + highlights() + "\n"
                + "  from " + query.scope().articles + " a\n"
                + " where a.id in (:ids)";
    }

    /** Articles whose own text matches, the newest :limit after the position, by either access path. */
    private static String ownText(SearchQuery query, Position after, Access access, MapSqlParameterSource params) {
        SearchScope scope = query.scope();
        String time = scope.timeColumn;
        String keyset = after == null ? "" : "(" + time + ", a.id) < (:afterTime, :afterId)";
        StringBuilder match = new StringBuilder("(")
                .append(String.join("\n        or ", textMatch(query, params)))
                .append(")");
        appendFilters(match, query, time, "\n      ", params);
        if (access.window != null) {
            params.addValue("window", access.window);
            return "  (select a.id, " + time + " as sort_time, true as own\n"
                    + "     from (select a.id, a.language, a.source, a.dateline, a.published_at, a.updated_at,"
                    + " a.search_vector\n"
                    + "             from " + scope.articles + " a\n"
                    + (keyset.isEmpty() ? "" : "            where " + keyset + "\n")
                    + "            order by " + time + " desc, a.id desc\n"
                    + "            limit :window) a\n"
                    + "    where " + match + "\n"
                    + "    order by " + time + " desc, a.id desc\n"
                    + "    limit :limit)";
        }
        String from = "";
        if (access.from != null) {
            from = "\n              and " + time + " >= :from";
            params.addValue("from", utc(access.from));
        }
        String bounds = keyset.isEmpty() ? "" : "\n              and " + keyset;
        return "  (select m.id, m.sort_time, true as own\n"
                + "     from (select a.id, " + time + " as sort_time\n"
                + "             from " + scope.articles + " a\n"
                + "            where " + match.toString().replace("\n      ", "\n              ") + bounds + from
                + "\n"
                + "           offset 0) m\n"
                + "    order by m.sort_time desc, m.id desc\n"
                + "    limit :limit)";
    }

    /**
     * Articles filed under a topic whose name matches, each topic's stream walked newest first.
     * Published articles are walked in article_topic (its published_at copy and stream index);
     * drafts and archived ones, which are few, through the article rows.
     */
    private static String topicNames(SearchQuery query, Position after, MapSqlParameterSource params) {
        SearchScope scope = query.scope();
        String streamTime = scope.streamed() ? "s.published_at" : scope.timeColumn;
        String streamId = scope.streamed() ? "s.article_id" : "a.id";
        StringBuilder topics = new StringBuilder("  (select b.id, b.sort_time, false\n     from matched_topic m\n")
                .append("    cross join lateral (\n        select a.id, ")
                .append(streamTime)
                .append(" as sort_time\n          from ")
                .append(scope.streamed() ? scope.streams : "article_topic_link")
                .append(" s join ")
                .append(scope.articles)
                .append(" a on a.id = s.article_id\n")
                .append("         where s.topic_id = m.id");
        if (query.languages() != null) {
            topics.append("\n           and a.language in (:languages)");
            params.addValue("languages", query.languageList());
        }
        appendFilters(topics, query, streamTime, "\n           ", params);
        if (after != null) {
            topics.append("\n           and (")
                    .append(streamTime)
                    .append(", ")
                    .append(streamId)
                    .append(") < (:afterTime, :afterId)");
        }
        return topics.append(
                        "\n           and (a.search_vector || setweight(to_tsvector(article_search_config(a.language),"
                                + " m.name), 'B'))\n               @@ ")
                .append(rowQuery())
                .append("\n         order by ")
                .append(streamTime)
                .append(" desc, ")
                .append(streamId)
                .append(" desc\n         limit :limit) b)")
                .toString();
    }

    /**
     * One condition per language group, each answerable by the GIN index on its own. Russian
     * articles are also matched with the query's Cyrillic spelling, the others with its Latin one
     * ({@link Transliteration}): "Lavrov" finds "Лавров" and "Лавров" finds "Lavrov".
     */
    private static List<String> textMatch(SearchQuery query, MapSqlParameterSource params) {
        Set<String> languages = query.languages();
        List<String> groups = new ArrayList<>();
        if (languages == null || languages.contains("en")) {
            groups.add("(a.language = 'en' and a.search_vector @@ " + ENGLISH + ")");
        }
        if (languages == null || languages.contains("ru")) {
            groups.add("(a.language = 'ru' and a.search_vector @@ " + RUSSIAN + ")");
        }
        if (languages == null) {
            groups.add("(a.language not in ('en', 'ru') and a.search_vector @@ " + SIMPLE + ")");
        } else {
            Set<String> others = new TreeSet<>(languages);
            others.removeAll(Set.of("en", "ru"));
            if (!others.isEmpty()) {
                groups.add("(a.language in (:otherLanguages) and a.search_vector @@ " + SIMPLE + ")");
                params.addValue("otherLanguages", List.copyOf(others));
            }
        }
        return groups;
    }

    /**
     * The query in each text search configuration, bound by {@link #parameters} as values of type
     * tsquery: PostgreSQL reads them once per statement, and a generic plan compares each row with
     * the value instead of evaluating websearch_to_tsquery again for it.
     */
    private static final String ENGLISH = "cast(:english as tsquery)";

    private static final String RUSSIAN = "cast(:russian as tsquery)";

    private static final String SIMPLE = "cast(:simple as tsquery)";

    /** The query in the configuration of article {@code a}'s language. */
    private static String rowQuery() {
        return "case a.language when 'en' then " + ENGLISH + " when 'ru' then " + RUSSIAN + " else " + SIMPLE + " end";
    }

    private static PGobject tsqueryValue(String text) {
        try {
            PGobject value = new PGobject();
            value.setType("tsquery");
            value.setValue(text);
            return value;
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The query as typed, OR'ed with its spelling in the script of the configuration's articles
     * when that differs: Cyrillic for Russian, Latin for the others.
     */
    private static String tsquery(String configuration, SearchQuery query) {
        String typed = "websearch_to_tsquery('" + configuration + "', :q)";
        boolean russian = configuration.equals("russian");
        if (russian ? query.cyrillicSpelling().isEmpty() : query.latinSpelling().isEmpty()) {
            return typed;
        }
        return "(" + typed + " || websearch_to_tsquery('" + configuration + "', " + (russian ? ":qCyrillic" : ":qLatin")
                + "))";
    }

    private static void appendFilters(
            StringBuilder sql, SearchQuery query, String time, String indent, MapSqlParameterSource params) {
        if (query.since() != null) {
            sql.append(indent).append("and ").append(time).append(" >= :since");
            params.addValue("since", utc(query.since()));
        }
        if (query.until() != null) {
            sql.append(indent).append("and ").append(time).append(" < :until");
            params.addValue("until", utc(query.until()));
        }
        if (query.source() != null) {
            sql.append(indent).append("and lower(a.source) = lower(:source)");
            params.addValue("source", query.source());
        }
        if (query.dateline() != null) {
            sql.append(indent).append("and lower(a.dateline) = lower(:dateline)");
            params.addValue("dateline", query.dateline());
        }
        if (!query.topicIds().isEmpty()) {
            sql.append(indent)
                    .append(
                            "and exists (select 1 from article_topic_link g where g.article_id = a.id and g.topic_id in (:topicIds))");
            params.addValue("topicIds", List.copyOf(new TreeSet<>(query.topicIds())));
        }
        if (!query.excludedTopicIds().isEmpty()) {
            sql.append(indent)
                    .append("and not exists (select 1 from article_topic_link g where g.article_id = a.id"
                            + " and g.topic_id in (:excludedTopicIds))");
            params.addValue("excludedTopicIds", List.copyOf(new TreeSet<>(query.excludedTopicIds())));
        }
    }

    private SearchRow row(ResultSet rs, int rowNum) throws SQLException {
        ArticleSummary summary = summaries.read(rs);
        String snippet = Snippets.mark(
                rs.getString("snippet_source"), Snippets.lexemes(rs.getString("query_words")), summary.language());
        return new SearchRow(summary, rs.getLong("version"), Highlights.from(rs.getString("marked_headline"), snippet));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A search's query as its statements bind it: the tsquery of each text search configuration
     * (as text, each once read by PostgreSQL from the words typed and their other spelling) and
     * the topics whose name matches (at most 20, by id), from {@link #begin}.
     */
    record Terms(SearchQuery query, String english, String russian, String simple, List<Long> topics) {}

    /** A match: its time and how well it matches (see {@link Relevance}). */
    record Candidate(long id, Instant time, double rank) {}

    /**
     * Matches read by one statement, and how many of them the article's own text gave before the
     * newest were cut out: when that reaches what was wanted, the walk found every match it had to.
     * {@code oldestOwn} is where the oldest of those is (null when there are none): every match
     * newer than it is among the candidates, as far as there is room.
     */
    record Found(List<Candidate> candidates, int ownMatches, Position oldestOwn) {}

    /**
     * How the article's own text is matched. {@link #walk(int)}: the newest {@code window}
     * articles in the scope, each tested, newest first: cheap for common words, which fill a page
     * within the first rows, and never more than the window. {@link #index(Instant)}: the matches
     * the GIN index lists, those at or after {@code from} only (null: every one), then the newest
     * kept: PostgreSQL ANDs the index's bitmap with a range of the scope's time index and reads
     * only the window's rows, so the cost is the window's matches, not the archive's. The planner
     * would choose between the two from estimates, and an estimate that is wrong (two common words
     * that seldom occur together) makes it walk the whole archive; so the service chooses, from what
     * a short walk found (see SearchService).
     */
    record Access(Integer window, Instant from) {

        static final Access INDEX = new Access(null, null);

        static Access walk(int window) {
            return new Access(window, null);
        }

        static Access index(Instant from) {
            return new Access(null, from);
        }
    }

    /** Where a date-ordered page ended. */
    record Position(Instant time, long id) {}
}
