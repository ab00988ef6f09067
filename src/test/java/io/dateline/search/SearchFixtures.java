package io.dateline.search;

import io.dateline.platform.PublicPagesChanged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search test corpus (test resources search/corpus.json: short English, Russian and German
 * articles written for these tests) and bulk articles, written straight into the tables. Every
 * fixture set has its own random tag in slugs, topic slugs and the source credit, so searches
 * filtered by {@link #source()} see only this set in the shared database.
 */
class SearchFixtures {

    private final JdbcClient jdbc;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** The instant the corpus' "days ago" count from. */
    final Instant now = Instant.now();

    private final Map<String, Long> articles = new HashMap<>();

    private final Map<String, Long> topics = new HashMap<>();

    private final ApplicationEventPublisher events;

    SearchFixtures(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * These writes bypass the services, so they announce themselves as the services do: otherwise
     * the anonymous page cache would rightly keep serving the pages they change.
     */
    private <T> T changed(T result) {
        events.publishEvent(PublicPagesChanged.content());
        return result;
    }

    String source() {
        return "search-" + tag;
    }

    long id(String key) {
        Long id = articles.get(key);
        if (id == null) {
            throw new IllegalArgumentException("no corpus article " + key);
        }
        return id;
    }

    /** The corpus key of an article of this set. */
    String key(long id) {
        return articles.entrySet().stream()
                .filter(entry -> entry.getValue() == id)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("#" + id);
    }

    String topicSlug(String key) {
        return key + "-" + tag;
    }

    /** Loads search/corpus.json: its topics, then its articles, all published. */
    SearchFixtures corpus(JsonMapper json) {
        JsonNode corpus;
        try (InputStream in = SearchFixtures.class.getResourceAsStream("/search/corpus.json")) {
            corpus = json.readTree(in);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (JsonNode topic : corpus.get("topics")) {
            topics.put(
                    topic.get("key").asString(),
                    topic(topic.get("key").asString(), topic.get("name").asString()));
        }
        for (JsonNode article : corpus.get("articles")) {
            Duration age = article.has("hoursAgo")
                    ? Duration.ofHours(article.get("hoursAgo").asLong())
                    : Duration.ofDays(article.get("daysAgo").asLong());
            List<Long> topicIds = new ArrayList<>();
            if (article.has("topics")) {
                for (JsonNode key : article.get("topics")) {
                    topicIds.add(topics.get(key.asString()));
                }
            }
            String key = article.get("key").asString();
            articles.put(
                    key,
                    article(
                            key,
                            article.get("language").asString(),
                            article.get("headline").asString(),
                            article.get("lead").asString(),
                            article.get("body").asString(),
                            article.has("dateline") ? article.get("dateline").asString() : "MOSCOW",
                            "PUBLISHED",
                            now.minus(age),
                            topicIds));
        }
        return this;
    }

    long topic(String key, String name) {
        return changed(jdbc.sql("""
                        insert into topic (slug, name, position, created_at, updated_at)
                        values (:slug, :name, 100, :now, :now) returning id""")
                .param("slug", topicSlug(key))
                .param("name", name)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single());
    }

    long article(
            String key,
            String language,
            String headline,
            String lead,
            String body,
            String dateline,
            String status,
            Instant publishedAt,
            List<Long> topicIds) {
        long id = jdbc.sql("""
                        insert into article (slug, language, headline, lead, body_text, page_count, dateline, source,
                                             time_zone, status, published_at, first_published_at, created_at,
                                             updated_at, version)
                        values (:slug, :language, :headline, :lead, :body, 1, :dateline, :source,
                                'Europe/Moscow', :status, :publishedAt, :publishedAt, :now, :now, 1)
                        returning id""")
                .param("slug", key + "-" + tag)
                .param("language", language)
                .param("headline", headline)
                .param("lead", lead)
                .param("body", body)
                .param("dateline", dateline)
                .param("source", source())
                .param("status", status)
                .param("publishedAt", publishedAt == null ? null : publishedAt.atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        boolean primary = true;
        for (long topicId : topicIds) {
            jdbc.sql("insert into article_topic (article_id, topic_id, is_primary) values (:a, :t, :p)")
                    .param("a", id)
                    .param("t", topicId)
                    .param("p", primary)
                    .update();
            primary = false;
        }
        articles.put(key, id);
        return changed(id);
    }

    /**
     * {@code count} published English articles that all contain {@code word}, one every
     * {@code step} back from {@code newest}, three at a time sharing a publish time (so that ids
     * must break ties), the word in the headline of every fourth: the best and newest mixed. In one
     * statement, so that a thousand cost little.
     */
    List<Long> bulk(String word, int count, Instant newest, Duration step) {
        return changed(jdbc.sql("""
                        insert into article (slug, language, headline, lead, body_text, page_count, dateline, source,
                                             time_zone, status, published_at, first_published_at, created_at,
                                             updated_at, version)
                        select :prefix || g, 'en',
                               case when g % 4 = 0 then 'Headline about ' || :word || ' number ' || g
                                    else 'Bulletin number ' || g end,
                               'A lead.',
                               'The body mentions ' || :word || ' once, among other words.',
                               1, 'MOSCOW', :source, 'Europe/Moscow', 'PUBLISHED',
                               :newest - (g / 3) * :stepSeconds * interval '1 second',
                               :newest - (g / 3) * :stepSeconds * interval '1 second', :now, :now, 1
                          from generate_series(1, :count) g
                        returning id""")
                .param("prefix", word + "-" + tag + "-")
                .param("word", word)
                .param("source", source())
                .param("newest", newest.atOffset(ZoneOffset.UTC))
                .param("stepSeconds", step.toSeconds())
                .param("count", count)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .list());
    }

    void edit(long articleId) {
        jdbc.sql("update article set lead = lead || '!', version = version + 1 where id = :id")
                .param("id", articleId)
                .update();
        changed(articleId);
    }
}
