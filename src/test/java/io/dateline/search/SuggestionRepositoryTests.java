package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.TestDatabase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The suggestion statement on the real database: topics first, then visible headlines by prefix
 * newest first, then by similarity for a typo; never a draft or an article whose time has not come.
 * Each test's words are made up and unique, so rows of other tests never match. The statement may
 * list a headline twice (by prefix and by similarity): the service removes repeats, so these tests
 * compare the distinct suggestions in order.
 */
@DataJpaTest
@Import({TestDatabase.class, SuggestionRepository.class})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class SuggestionRepositoryTests {

    static final Instant NOW = Instant.parse("2199-01-01T00:00:00Z");

    static final double SIMILARITY = 0.4;

    @Autowired
    SuggestionRepository repository;

    @Autowired
    JdbcClient jdbc;

    /** A made-up word of letters only, so that tsquery and trigrams see one word. */
    final String word = "Quor"
            + UUID.randomUUID()
                    .toString()
                    .replace("-", "")
                    .substring(0, 6)
                    .chars()
                    .mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
                    .collect(Collectors.joining())
            + "vantix";

    @Test
    void headlinesByPrefixAreTheVisibleOnesNewestFirst() {
        String older = article(word + " talks open in Geneva", "PUBLISHED", NOW.minusSeconds(7200));
        String newer = article(word + " talks end without a deal", "PUBLISHED", NOW.minusSeconds(3600));
        article(word + " draft headline", "DRAFT", null);
        article(word + " scheduled headline", "PUBLISHED", NOW.plusSeconds(60));

        List<Suggestion> suggestions = repository.suggest(prefix(word), SIMILARITY, NOW, 10);

        assertThat(distinct(suggestions)).containsExactly(newer, older);
        assertThat(suggestions).extracting(Suggestion::type).containsOnly("article");
    }

    @Test
    void aScheduledHeadlineIsSuggestedOnceItsTimeHasCome() {
        String scheduled = article(word + " summit opens", "PUBLISHED", NOW.plusSeconds(60));

        assertThat(repository.suggest(prefix(word), SIMILARITY, NOW, 10)).isEmpty();
        assertThat(distinct(repository.suggest(prefix(word), SIMILARITY, NOW.plusSeconds(60), 10)))
                .containsExactly(scheduled);
    }

    @Test
    void topicsComeBeforeHeadlines() {
        String headline = article(word + " festival draws crowds", "PUBLISHED", NOW.minusSeconds(60));
        String topic = topic(word + " Affairs");

        List<Suggestion> suggestions = repository.suggest(prefix(word), SIMILARITY, NOW, 10);

        assertThat(suggestions.get(0)).isEqualTo(new Suggestion("topic", word + " Affairs", topic));
        assertThat(distinct(suggestions)).containsExactly(topic, headline);
    }

    @Test
    void aTypoFindsTheHeadlineBySimilarity() {
        String headline = article(word + " harbour reopens", "PUBLISHED", NOW.minusSeconds(60));
        String typo = word.substring(0, word.length() - 2) + "ix";
        String swapped = typo.substring(0, 4) + typo.charAt(5) + typo.charAt(4) + typo.substring(6);

        List<Suggestion> suggestions = repository.suggest(swapped, SIMILARITY, NOW, 10);

        assertThat(suggestions).extracting(Suggestion::slug).contains(headline);
    }

    private static List<String> distinct(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::slug).distinct().toList();
    }

    private static String prefix(String word) {
        return word.substring(0, word.length() - 3).toLowerCase(Locale.ROOT);
    }

    private String article(String headline, String status, Instant publishedAt) {
        String slug = "s-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into article (slug, language, headline, body_text, page_count, time_zone, status,
                                             published_at, created_at, updated_at, version)
                        values (?, 'en', ?, '', 1, 'Europe/Moscow', ?, ?, now(), now(), 1)
                        """)
                .params(slug, headline, status, publishedAt == null ? null : publishedAt.atOffset(ZoneOffset.UTC))
                .update();
        return slug;
    }

    private String topic(String name) {
        String slug = "t-" + UUID.randomUUID();
        jdbc.sql("insert into topic (slug, name, position, created_at, updated_at) values (?, ?, 0, now(), now())")
                .params(slug, name)
                .update();
        return slug;
    }
}
