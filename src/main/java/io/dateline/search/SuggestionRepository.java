package io.dateline.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Suggestions as the reader types, in one statement with three bounded parts:
 *
 * <ul>
 *   <li>topics whose name has words starting with every typed word, or resembles the typed text;
 *   <li>the newest published headlines with words starting with every typed word ('simple'
 *       configuration: no stemming, so that "ministr" still finds "minister", which English
 *       stemming stores as "minist"). First among the newest {@value #RECENT_HEADLINES} headlines,
 *       which is all a common prefix needs; only when those hold too few, through the expression
 *       index article_headline_prefix_idx, which is then cheap because the prefix is rare;
 *   <li>only when those are too few, and for {@value #MIN_FUZZY_LETTERS} letters or more: headlines
 *       that resemble the typed text by trigram word similarity, for typos ("Lavorv" finds
 *       "Lavrov"): the recent ones, and the first
 *       {@value #FUZZY_POOL} that the trigram index article_headline_trgm_idx finds, the most
 *       similar first.
 * </ul>
 *
 * Left to itself PostgreSQL would walk the newest headlines for a prefix it believes common and
 * read the whole archive when none matches (7 s at a million articles); every part here reads a
 * bounded number of rows instead.
 */
@Repository
class SuggestionRepository {

    static final int MAX_TOPICS = 3;

    static final int FUZZY_POOL = 200;

    static final int RECENT_HEADLINES = 2_000;

    /**
     * Typed text shorter than this is never matched by similarity: "sto" shares half its trigrams
     * with "St. Petersburg", so a short prefix would only pull in noise.
     */
    static final int MIN_FUZZY_LETTERS = 4;

    private static final int MAX_WORDS = 6;

    private static final int MAX_WORD_LENGTH = 40;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private static final String SQL = """
            with recent as (
                select a.id, a.headline, a.slug, a.published_at
                  from visible_article(:now) a
                 order by a.published_at desc, a.id desc
                 limit :window),
            prefix_recent as (
                select r.id, r.headline, r.slug, r.published_at
                  from recent r
                 where to_tsvector('simple', r.headline) @@ to_tsquery('simple', :prefix)
                 order by r.published_at desc, r.id desc
                 limit :limit),
            prefix_older as (
                select p.id, p.headline, p.slug, p.published_at
                  from (select a.id, a.headline, a.slug, a.published_at
                          from visible_article(:now) a
                         where to_tsvector('simple', a.headline) @@ to_tsquery('simple', :prefix)
                           and (select count(*) from prefix_recent) < :limit
                        offset 0) p
                 order by p.published_at desc, p.id desc
                 limit :limit),
            prefix_headline as (
                select * from prefix_recent where (select count(*) from prefix_recent) >= :limit
                union all
                select * from prefix_older),
            fuzzy_headline as (
                select f.id, f.headline, f.slug, f.published_at, word_similarity(:q, f.headline) as similarity
                  from (select r.id, r.headline, r.slug, r.published_at
                          from recent r
                         where :q <% r.headline
                        union
                        (select o.id, o.headline, o.slug, o.published_at
                           from (select a.id, a.headline, a.slug, a.published_at
                                   from visible_article(:now) a
                                  where :q <% a.headline
                                 offset 0) o
                          limit :pool)) f
                 where :fuzzy and (select count(*) from prefix_headline) < :limit
                 order by similarity desc, f.published_at desc, f.id desc
                 limit :limit),
            matched_topic as (
                select tp.name, tp.slug, word_similarity(:q, tp.name) as similarity
                  from topic tp
                 where to_tsvector('simple', tp.name) @@ to_tsquery('simple', :prefix)
                    or :q <% tp.name
                 order by similarity desc, tp.name
                 limit :topics)
            select 'topic' as type, name as text, slug, 1 as part,
                   row_number() over (order by similarity desc, name) as n
              from matched_topic
            union all
            select 'article', headline, slug, 2, row_number() over (order by published_at desc, id desc)
              from prefix_headline
            union all
            select 'article', headline, slug, 3, row_number() over (order by similarity desc, published_at desc, id desc)
              from fuzzy_headline
             order by part, n
            """;

    private final JdbcClient jdbc;

    /** The statement, for the benchmark's check (a method, so that tests never inline a stale copy). */
    static String sql() {
        return SQL;
    }

    SuggestionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code MAX_TOPICS} topics, then headlines by prefix, then by similarity; the caller
     * removes repeats and cuts the list.
     */
    List<Suggestion> suggest(String text, double similarity, Instant now, int limit) {
        jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', ?, true)"
                        + " || set_config('plan_cache_mode', 'force_custom_plan', true)")
                .param(Double.toString(similarity))
                .query(String.class)
                .single();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("q", text)
                .addValue("prefix", prefixQuery(text))
                .addValue("now", now.atOffset(ZoneOffset.UTC))
                .addValue("limit", limit)
                .addValue("pool", FUZZY_POOL)
                .addValue("window", RECENT_HEADLINES)
                .addValue("fuzzy", letters(text) >= MIN_FUZZY_LETTERS)
                .addValue("topics", MAX_TOPICS);
        return jdbc.sql(SQL)
                .paramSource(params)
                .query((rs, rowNum) -> new Suggestion(rs.getString("type"), rs.getString("text"), rs.getString("slug")))
                .list();
    }

    private static long letters(String text) {
        return text.codePoints().filter(Character::isLetterOrDigit).count();
    }

    /**
     * A tsquery in to_tsquery syntax that matches text with a word starting with each typed word:
     * {@code 'lavr':* & 'meet':*}. Only runs of letters, marks and digits are kept, each quoted, so
     * nothing the reader types can be tsquery syntax. Empty when nothing typed is a word.
     */
    static String prefixQuery(String text) {
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        List<String> terms = new java.util.ArrayList<>();
        while (words.find() && terms.size() < MAX_WORDS) {
            String word = words.group();
            terms.add("'" + (word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word) + "':*");
        }
        return terms.stream().collect(Collectors.joining(" & "));
    }
}
