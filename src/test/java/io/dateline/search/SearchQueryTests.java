package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTests {

    @Test
    void normalizingKeepsWordsAndDropsControlCharacters() {
        assertThat(SearchQuery.normalize("  Lavrov\u0000talks\t\n \"Syria\"  ")).isEqualTo("Lavrov talks \"Syria\"");
        assertThat(SearchQuery.normalize("\u0000\u0007")).isEmpty();
        assertThat(SearchQuery.normalize("e\u0301")).isEqualTo("\u00e9");
    }

    @Test
    void theCanonicalFormIgnoresParameterOrder() {
        SearchQuery a = query(new LinkedHashSet<>(List.of("ru", "en")), new LinkedHashSet<>(List.of(3L, 1L)));
        SearchQuery b = query(new LinkedHashSet<>(List.of("en", "ru")), new LinkedHashSet<>(List.of(1L, 3L)));

        assertThat(a.canonical()).isEqualTo(b.canonical());
    }

    @Test
    void theCanonicalFormTellsSearchesApart() {
        SearchQuery base = query(null, Set.of());

        assertThat(base.canonical()).isNotEqualTo(query(Set.of("en"), Set.of()).canonical());
        assertThat(base.canonical())
                .isNotEqualTo(new SearchQuery(
                                "oil",
                                SearchSort.DATE,
                                SearchScope.PUBLISHED,
                                null,
                                Set.of(),
                                Set.of(),
                                null,
                                null,
                                null,
                                null)
                        .canonical());
        assertThat(base.canonical())
                .isNotEqualTo(new SearchQuery(
                                "oil",
                                SearchSort.RELEVANCE,
                                SearchScope.DRAFT,
                                null,
                                Set.of(),
                                Set.of(),
                                null,
                                null,
                                null,
                                null)
                        .canonical());
    }

    @Test
    void knowsWhenNothingCanMatch() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        SearchQuery excludedAll = new SearchQuery(
                "oil", SearchSort.DATE, SearchScope.PUBLISHED, null, Set.of(1L), Set.of(1L), null, null, null, null);
        SearchQuery emptyRange = new SearchQuery(
                "oil", SearchSort.DATE, SearchScope.PUBLISHED, null, Set.of(), Set.of(), t, t, null, null);

        assertThat(excludedAll.matchesNothing()).isTrue();
        assertThat(emptyRange.matchesNothing()).isTrue();
        assertThat(query(null, Set.of()).matchesNothing()).isFalse();
    }

    private static SearchQuery query(Set<String> languages, Set<Long> topics) {
        return new SearchQuery(
                "oil",
                SearchSort.RELEVANCE,
                SearchScope.PUBLISHED,
                languages,
                topics,
                Set.of(),
                null,
                null,
                null,
                null);
    }
}
