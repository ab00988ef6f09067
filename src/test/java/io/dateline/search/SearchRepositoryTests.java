package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.TestDatabase;
import io.dateline.article.SummaryRowsTestConfiguration;
import io.dateline.media.PicturesTestConfiguration;
import io.dateline.search.SearchRepository.Access;
import io.dateline.search.SearchRepository.Candidate;
import io.dateline.search.SearchRepository.Found;
import io.dateline.search.SearchRepository.Position;
import io.dateline.search.SearchRepository.Terms;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search SQL on the real database, on real English and Russian sentences: both access paths
 * must find the same articles, in either script, with Russian morphology and ё read as е.
 */
@DataJpaTest
@Import({
    TestDatabase.class,
    SearchRepository.class,
    SearchRepositoryTests.Json.class,
    PicturesTestConfiguration.class,
    SummaryRowsTestConfiguration.class
})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class SearchRepositoryTests {

    @Autowired
    SearchRepository repository;

    @Autowired
    JdbcClient jdbc;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** Every article of a test has this source, so that searches see only the test's own. */
    final String source = "repo-" + UUID.randomUUID().toString().substring(0, 8);

    long lavrovRu;

    long lavrovEn;

    long peskovRu;

    long treeWithYo;

    long treeWithYe;

    long oilEn;

    @BeforeEach
    void articles() {
        lavrovRu = article(
                "ru",
                "Лавров заявил о готовности к переговорам",
                "Министр иностранных дел России Сергей Лавров заявил, что Москва готова продолжить переговоры.");
        lavrovEn = article(
                "en",
                "Lavrov says Moscow is ready for talks",
                "Russian Foreign Minister Sergei Lavrov said on Tuesday that Moscow was ready to continue the talks.");
        peskovRu = article(
                "ru",
                "Песков прокомментировал итоги саммита",
                "Пресс-секретарь президента Дмитрий Песков ответил на вопросы журналистов.");
        treeWithYo = article(
                "ru",
                "Главную ёлку страны установили в Кремле",
                "Зелёная ель высотой 27 метров прибыла из Подмосковья.");
        treeWithYe = article("ru", "В парке нарядили новогоднюю елку", "Жители района сами украсили елку игрушками.");
        oilEn = article(
                "en",
                "Oil prices rose after the OPEC meeting",
                "Brent crude futures climbed as ministers agreed to extend output cuts into next year.");
    }

    @Test
    void aRussianNameTypedInLatinLettersFindsTheRussianArticle() {
        assertThat(found("Lavrov заявил")).containsExactly(lavrovRu);
        assertThat(found("Lavrov")).containsExactlyInAnyOrder(lavrovRu, lavrovEn);
    }

    @Test
    void aNameTypedInCyrillicFindsTheEnglishArticle() {
        assertThat(found("Лавров")).containsExactlyInAnyOrder(lavrovRu, lavrovEn);
        assertThat(found("Peskov")).containsExactly(peskovRu);
    }

    @Test
    void russianWordsMatchTheirOtherForms() {
        assertThat(found("переговоры")).containsExactly(lavrovRu);
        assertThat(found("журналист")).containsExactly(peskovRu);
    }

    @Test
    void yoAndYeAreTheSameLetter() {
        assertThat(found("ёлка")).containsExactlyInAnyOrder(treeWithYo, treeWithYe);
        assertThat(found("елка")).containsExactlyInAnyOrder(treeWithYo, treeWithYe);
        assertThat(found("зеленая")).containsExactly(treeWithYo);
    }

    @Test
    void englishWordsMatchTheirOtherFormsAndTransliterationAddsNoFalseMatch() {
        assertThat(found("ministers meet")).containsExactly(oilEn);
        assertThat(found("oil prices")).containsExactly(oilEn);
    }

    @Test
    void aHeadlineMatchRanksAboveABodyMatch() {
        long bodyOnly = article(
                "en",
                "Parliament debates the budget",
                "Deputies also discussed oil prices and the winter heating season at length.");

        List<Candidate> candidates = candidates("oil prices", Access.INDEX);

        double headline = candidates.stream()
                .filter(c -> c.id() == oilEn)
                .findFirst()
                .orElseThrow()
                .rank();
        double body = candidates.stream()
                .filter(c -> c.id() == bodyOnly)
                .findFirst()
                .orElseThrow()
                .rank();
        assertThat(headline).isGreaterThanOrEqualTo(1).isGreaterThan(body);
    }

    @Test
    void highlightsMarkTheTransliteratedWordInTheArticlesOwnScript() {
        List<SearchRow> rows = repository.rows(terms(query("Lavrov")), List.of(lavrovRu), now);

        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(row.highlights().headline()).contains("<mark>Лавров</mark>"));
    }

    @Test
    void snippetsMarkTheBodyWordsTheArticleMatchedInAnyFormAndScript() {
        assertThat(repository.rows(terms(query("Lavrov")), List.of(lavrovRu), now))
                .singleElement()
                .satisfies(row -> assertThat(row.highlights().snippet()).contains("Сергей <mark>Лавров</mark> заявил"));
        assertThat(repository.rows(terms(query("переговоры продолжить")), List.of(lavrovRu), now))
                .singleElement()
                .satisfies(row -> assertThat(row.highlights().snippet())
                        .contains("<mark>продолжить</mark> <mark>переговоры</mark>"));
        assertThat(repository.rows(terms(query("continuing talk")), List.of(lavrovEn), now))
                .singleElement()
                .satisfies(row -> assertThat(row.highlights().snippet())
                        .contains("to <mark>continue</mark> the <mark>talks</mark>"));
    }

    /**
     * The snippet's stemmers must agree with PostgreSQL's: on real sentences, every word that
     * to_tsvector keeps (a position in the vector) is marked when the vector's lexemes are the
     * query's, and nothing else is.
     */
    @Test
    void snippetStemsAgreeWithPostgreSqlOnRealSentences() {
        Map<String, String> sentences = Map.of(
                "The central bank raised interest rates again on Friday, citing persistent inflation and"
                        + " a weakening currency; analysts had expected the regulator's decision.",
                "en",
                "Generously funded universities are running new programmes for the country's families,"
                        + " the ministry said, while skiers crowded the city's hills.",
                "en",
                "Министр иностранных дел России Сергей Лавров заявил, что Москва готова продолжить"
                        + " переговоры; ёлки на Красной площади зажгут в субботу.",
                "ru",
                "Центральный банк повысил ключевую ставку, сославшись на ускорение инфляции и ослабление"
                        + " рубля, сообщила служба регулятора.",
                "ru",
                "Sergey Lavrov said on Monday that Russian diplomats will meet their counterparts.",
                "ru");
        sentences.forEach((sentence, language) -> {
            String config = language.equals("en") ? "english" : "russian";
            String vector = jdbc.sql("select to_tsvector(cast(? as regconfig), ?)::text")
                    .params(config, sentence)
                    .query(String.class)
                    .single();
            List<String> lexemes = Snippets.lexemes(vector);
            String marked = Snippets.mark(sentence, lexemes, language);
            long marks = marked.chars().filter(c -> c == Highlights.START).count();
            assertThat(marks)
                    .as(sentence + "\n" + vector + "\n" + marked)
                    .isEqualTo(jdbc.sql(
                                    "select sum(cardinality(positions)) from unnest(to_tsvector(cast(? as regconfig), ?))")
                            .params(config, sentence)
                            .query(Long.class)
                            .single());
        });
    }

    @Test
    void theIndexWindowFindsTheNewestMatchesPublishedSinceItsStartInTheSameOrder() {
        long weekOld = article(
                "en", "Oil tanker reaches port", "The tanker carried crude oil.", now.minus(7, ChronoUnit.DAYS));
        long yearOld =
                article("en", "Oil fields auctioned", "Three oil fields were sold.", now.minus(400, ChronoUnit.DAYS));

        List<Long> all = ids(candidates("oil", Access.INDEX));
        List<Long> month = ids(candidates("oil", Access.index(now.minus(30, ChronoUnit.DAYS))));

        assertThat(all).containsExactly(oilEn, weekOld, yearOld);
        assertThat(month).containsExactly(oilEn, weekOld);
        assertThat(ids(repository
                        .candidates(
                                terms(query("oil")),
                                new SearchRepository.Position(now.minus(1, ChronoUnit.DAYS), Long.MAX_VALUE),
                                now,
                                100,
                                Access.index(now.minus(30, ChronoUnit.DAYS)))
                        .candidates()))
                .as("after a position, the window holds only what is older than it")
                .containsExactly(weekOld);
    }

    @Test
    void eachScopeSeesOnlyItsOwnArticles() {
        long scheduled = inStatus("PUBLISHED", "Oil pipeline to open next month", now.plus(1, ChronoUnit.HOURS));
        long draft = inStatus("DRAFT", "Oil draft headline", null);
        long archived = inStatus("ARCHIVED", "Oil archived headline", now.minus(2, ChronoUnit.DAYS));

        assertThat(inScope(SearchScope.PUBLISHED)).containsExactly(oilEn);
        assertThat(inScope(SearchScope.SCHEDULED)).containsExactly(scheduled);
        assertThat(inScope(SearchScope.DRAFT)).containsExactly(draft);
        assertThat(inScope(SearchScope.ARCHIVED)).containsExactly(archived);
        assertThat(repository.rows(terms(scoped("oil", SearchScope.PUBLISHED)), List.of(oilEn, scheduled, draft), now))
                .extracting(row -> row.summary().id())
                .containsExactly(oilEn);
    }

    @Test
    void anArticleFiledUnderAMatchingTopicIsFoundWhileVisibleOnly() {
        String word = "Zymurgy"
                + UUID.randomUUID()
                        .toString()
                        .replace("-", "")
                        .substring(0, 4)
                        .chars()
                        .mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
                        .collect(Collectors.joining());
        long topic = jdbc.sql("insert into topic (slug, name, position, created_at, updated_at)"
                        + " values (?, ?, 0, now(), now()) returning id")
                .params("t-" + UUID.randomUUID(), word)
                .query(Long.class)
                .single();
        long visible = inStatus("PUBLISHED", "Brewers meet in Munich", now.minusSeconds(30));
        long scheduled = inStatus("PUBLISHED", "Brewers meet in Prague", now.plusSeconds(30));
        for (long id : List.of(visible, scheduled)) {
            jdbc.sql("insert into article_topic (article_id, topic_id, is_primary) values (?, ?, true)")
                    .params(id, topic)
                    .update();
        }

        assertThat(found(word)).containsExactly(visible);
        assertThat(ids(repository
                        .candidates(terms(query(word)), null, now.plusSeconds(30), 100, Access.INDEX)
                        .candidates()))
                .containsExactly(scheduled, visible);
    }

    @Test
    void aWalkThatFallsShortGoesOnFromItsOldestMatchAndFindsWhatOneLongWalkFinds() {
        // far ahead of every other test's articles, so that the walks read only these
        Instant reading = Instant.parse("2299-02-01T00:00:00Z");
        Instant newest = Instant.parse("2299-01-01T00:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String headline = i % 3 == 0 ? "Quarry walkonword report " + i : "Quarry report " + i;
            ids.add(article("en", headline, "Body of report " + i + ".", newest.minusSeconds(60L * i)));
        }
        Terms query = terms(query("walkonword"));
        int wanted = 15;

        // 24 rows hold the matches 0, 3, ..., 21
        Found first = repository.candidates(query, null, reading, wanted, Access.walk(24));
        assertThat(first.ownMatches()).isEqualTo(8);
        assertThat(first.oldestOwn()).isEqualTo(new Position(newest.minusSeconds(60L * 21), ids.get(21)));

        Found further = repository.candidates(
                query, first.oldestOwn(), reading, wanted, Access.walk(SearchService.walkOnRows(wanted, 24, 8)));
        assertThat(first.ownMatches() + further.ownMatches()).isGreaterThanOrEqualTo(wanted);
        List<Candidate> oneLongWalk = repository
                .candidates(query, null, reading, wanted, Access.walk(1000))
                .candidates();
        assertThat(SearchService.walkedOn(first, further, wanted)).isEqualTo(oneLongWalk);
        assertThat(ids(oneLongWalk))
                .containsExactlyElementsOf(
                        IntStream.range(0, wanted).mapToObj(n -> ids.get(3 * n)).toList());
    }

    private List<Long> inScope(SearchScope scope) {
        List<Long> byIndex = ids(repository
                .candidates(terms(scoped("oil", scope)), null, now, 100, Access.INDEX)
                .candidates());
        List<Long> byWalk = ids(repository
                .candidates(terms(scoped("oil", scope)), null, now, 100, Access.walk(1000))
                .candidates());
        assertThat(byWalk).as("both access paths find the same in %s", scope).isEqualTo(byIndex);
        return byIndex;
    }

    private SearchQuery scoped(String text, SearchScope scope) {
        return new SearchQuery(text, SearchSort.DATE, scope, null, Set.of(), Set.of(), null, null, source, null);
    }

    private long inStatus(String status, String headline, Instant publishedAt) {
        OffsetDateTime at = publishedAt == null ? null : publishedAt.atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into article (slug, language, headline, lead, body_text, page_count, source, time_zone,
                                             status, published_at, first_published_at, created_at, updated_at, version)
                        values (?, 'en', ?, null, 'Body.', 1, ?, 'Europe/Moscow', ?, ?, ?, now(), now(), 1)
                        returning id
                        """)
                .params("s-" + UUID.randomUUID(), headline, source, status, at, at)
                .query(Long.class)
                .single();
    }

    private List<Long> found(String text) {
        List<Long> byIndex = ids(candidates(text, Access.INDEX));
        List<Long> byWalk = ids(candidates(text, Access.walk(1000)));
        assertThat(byWalk).as("both access paths find the same for %s", text).isEqualTo(byIndex);
        return byIndex;
    }

    private List<Candidate> candidates(String text, Access access) {
        return repository.candidates(terms(query(text)), null, now, 100, access).candidates();
    }

    private static List<Long> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::id).toList();
    }

    /** A search's first statement, as SearchService begins each search. */
    private Terms terms(SearchQuery query) {
        return repository.begin(query, Duration.ofSeconds(2));
    }

    private SearchQuery query(String text) {
        return new SearchQuery(
                text, SearchSort.RELEVANCE, SearchScope.PUBLISHED, null, Set.of(), Set.of(), null, null, source, null);
    }

    private long article(String language, String headline, String body) {
        return article(language, headline, body, now.minusSeconds(60));
    }

    private long article(String language, String headline, String body, Instant publishedAt) {
        return jdbc.sql("""
                        insert into article (slug, language, headline, lead, body_text, page_count, source, time_zone,
                                             status, published_at, first_published_at, created_at, updated_at, version)
                        values (?, ?, ?, null, ?, 1, ?, 'Europe/Moscow', 'PUBLISHED', ?, ?, now(), now(), 1)
                        returning id
                        """)
                .params(
                        "s-" + UUID.randomUUID(),
                        language,
                        headline,
                        body,
                        source,
                        publishedAt.atOffset(ZoneOffset.UTC),
                        publishedAt.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Json {

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }
    }
}
