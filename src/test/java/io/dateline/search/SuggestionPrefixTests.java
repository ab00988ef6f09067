package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuggestionPrefixTests {

    @Test
    void everyTypedWordBecomesAQuotedPrefix() {
        assertThat(SuggestionRepository.prefixQuery("Lavrov mee")).isEqualTo("'lavrov':* & 'mee':*");
        assertThat(SuggestionRepository.prefixQuery("Лавр")).isEqualTo("'лавр':*");
    }

    @Test
    void operatorsQuotesAndBackslashesAreSeparatorsNotSyntax() {
        assertThat(SuggestionRepository.prefixQuery("a' & b:* | !c \\ \"d\" <-> (e)"))
                .isEqualTo("'a':* & 'b':* & 'c':* & 'd':* & 'e':*");
    }

    @Test
    void nothingWordlikeGivesNothing() {
        assertThat(SuggestionRepository.prefixQuery("!!! ??? ---")).isEmpty();
    }

    @Test
    void longInputIsBounded() {
        String query = SuggestionRepository.prefixQuery("w ".repeat(50) + "x".repeat(100));

        assertThat(query.split("&")).hasSize(6);
        assertThat(SuggestionRepository.prefixQuery("y".repeat(100))).hasSize(40 + 4);
    }
}
