package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * bench/search/*.sql must be exactly the SQL the repositories build (their parameters are psql
 * variables of the same names, set by bench/search-explain.sql), so that the plans measured at a
 * million articles are the plans the service runs. When a query changes, regenerate the files from
 * the expected text in this test's failure message.
 */
class BenchmarkSqlTests {

    private static final String EXPLAIN = "explain (analyze, buffers, costs off)\n";

    static Stream<Arguments> statements() {
        // the statements as they run when no topic's name matches the query (the tsqueries are
        // parameters: their values are not part of the SQL)
        SearchRepository.Terms published = terms(SearchScope.PUBLISHED, List.of());
        SearchRepository.Terms drafts = terms(SearchScope.DRAFT, List.of());
        MapSqlParameterSource ignored = new MapSqlParameterSource();
        return Stream.of(
                Arguments.of(
                        "candidates-walk.sql",
                        SearchRepository.candidatesSql(published, null, SearchRepository.Access.walk(1), ignored)),
                Arguments.of(
                        "candidates-index.sql",
                        SearchRepository.candidatesSql(published, null, SearchRepository.Access.INDEX, ignored)),
                Arguments.of(
                        "candidates-index-window.sql",
                        SearchRepository.candidatesSql(
                                published, null, SearchRepository.Access.index(Instant.EPOCH), ignored)),
                Arguments.of(
                        "drafts-walk.sql",
                        SearchRepository.candidatesSql(drafts, null, SearchRepository.Access.walk(1), ignored)),
                Arguments.of(
                        "drafts-index.sql",
                        SearchRepository.candidatesSql(drafts, null, SearchRepository.Access.INDEX, ignored)),
                Arguments.of(
                        "candidates-walk-topics.sql",
                        SearchRepository.candidatesSql(
                                terms(SearchScope.PUBLISHED, List.of(1L)),
                                null,
                                SearchRepository.Access.walk(1),
                                ignored)),
                Arguments.of("rows.sql", SearchRepository.rowsSql(published.query(), ignored)),
                Arguments.of("suggest.sql", SuggestionRepository.sql().strip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void benchmarkRunsTheServicesSql(String file, String sql) throws IOException {
        String expected = EXPLAIN + sql + ";\n";

        assertThat(Files.readString(Path.of("bench", "search", file), StandardCharsets.UTF_8))
                .as("bench/search/%s is not the SQL the service runs; it should read:%n%s", file, expected)
                .isEqualTo(expected);
    }

    /** Bench queries are ASCII and unfiltered: Russian articles are matched with their Cyrillic spelling too. */
    private static SearchRepository.Terms terms(SearchScope scope, List<Long> topics) {
        SearchQuery query = new SearchQuery(
                "interest rates", SearchSort.RELEVANCE, scope, null, Set.of(), Set.of(), null, null, null, null);
        return new SearchRepository.Terms(query, "english", "russian", "simple", topics);
    }
}
