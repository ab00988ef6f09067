package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SnippetsTests {

    private static final Pattern MARKED =
            Pattern.compile(Highlights.START + "([^" + Highlights.STOP + "]*)" + Highlights.STOP);

    @Test
    void lexemesAreReadFromQuerytreeEachOnce() {
        assertThat(Snippets.lexemes("'minist' & 'navi'")).containsExactly("minist", "navi");
        assertThat(Snippets.lexemes("( 'lavrov' | 'лавр' ) & 'said' <-> 'today' & 'lavrov'"))
                .containsExactly("lavrov", "лавр", "said", "today");
        assertThat(Snippets.lexemes("'o''brien' & 'talk'")).containsExactly("o'brien", "talk");
        assertThat(Snippets.lexemes("T")).isEmpty();
        assertThat(Snippets.lexemes(null)).isEmpty();
    }

    @Test
    void englishWordsAreMarkedWhenTheirStemMatchedInAnyForm() {
        String snippet = Snippets.mark(
                "The Navy said navies of the region were rating interest rates.", List.of("navi", "rate"), "en");

        assertThat(marked(snippet)).containsExactly("Navy", "navies", "rating", "rates");
        assertThat(Highlights.html(snippet)).contains("<mark>Navy</mark> said");
    }

    @Test
    void russianWordsAreMarkedThroughTheRussianStemmerAndLatinOnesThroughTheEnglish() {
        String snippet = Snippets.mark(
                "Лавров заявил, что Лаврову и Sergey Lavrov's team ответили. Ёлка стоит, ёлки тоже.",
                List.of("лавр", "lavrov", "елк"),
                "ru");

        // PostgreSQL stems Лаврову as лавров, not лавр: so does the Snowball Russian stemmer
        assertThat(marked(snippet)).containsExactly("Лавров", "Lavrov", "Ёлка", "ёлки");
    }

    @Test
    void otherLanguagesOnlyLowercase() {
        String snippet = Snippets.mark("Die Regierung und die Regierungen tagen.", List.of("regierung"), "de");

        assertThat(marked(snippet)).containsExactly("Regierung");
    }

    @Test
    void wordsWithDigitsAreNotStemmed() {
        assertThat(marked(Snippets.mark("Covid19 and covid19s in 2024.", List.of("covid19", "2024"), "en")))
                .containsExactly("Covid19", "2024");
    }

    @Test
    void aLongBodyGivesTwoFragmentsAroundDifferentWordsInTextOrder() {
        String body =
                words("alpha", 100) + " first oil word " + words("beta", 100) + " then gas here " + words("gamma", 100);

        String snippet = Snippets.mark(body, List.of("oil", "gas"), "en");

        String[] fragments = snippet.split(Snippets.FRAGMENT_DELIMITER);
        assertThat(fragments).hasSize(2);
        assertThat(marked(fragments[0])).containsExactly("oil");
        assertThat(marked(fragments[1])).containsExactly("gas");
        for (String fragment : fragments) {
            assertThat(fragment.split(" ")).hasSizeLessThanOrEqualTo(Snippets.MAX_WORDS);
            // centred on the match: words on both sides
            assertThat(fragment).doesNotStartWith(String.valueOf(Highlights.START));
        }
        assertThat(snippet.indexOf("oil")).isLessThan(snippet.indexOf("gas"));
    }

    @Test
    void theFirstFragmentIsTheStretchWithTheMostOfTheQuerysWords() {
        String body = "oil alone here. " + words("filler", 60) + " oil and gas together. " + words("more", 60);

        String[] fragments = Snippets.mark(body, List.of("oil", "gas"), "en").split(Snippets.FRAGMENT_DELIMITER);

        assertThat(fragments).hasSize(2);
        assertThat(marked(fragments[1])).containsExactly("oil", "gas");
        assertThat(marked(fragments[0])).containsExactly("oil");
    }

    @Test
    void matchesCloseTogetherMakeOneFragment() {
        String snippet = Snippets.mark("Oil prices rose as gas prices fell on Monday.", List.of("oil", "gas"), "en");

        assertThat(snippet).doesNotContain(Snippets.FRAGMENT_DELIMITER);
        assertThat(Highlights.html(snippet))
                .isEqualTo("<mark>Oil</mark> prices rose as <mark>gas</mark> prices fell on Monday");
    }

    @Test
    void aBodyWithoutTheWordsGivesItsFirstWords() {
        String snippet = Snippets.mark(words("word", 40), List.of("absent"), "en");

        assertThat(snippet.split(" ")).hasSize(Snippets.MIN_WORDS);
        assertThat(snippet).doesNotContain(String.valueOf(Highlights.START));
    }

    @Test
    void whiteSpaceCollapsesAndSentinelsInTheTextCannotForgeMarks() {
        String body = "The \uE000zeppelinfest\uE001 opens\n\n&  draws crowds <again>.";

        String snippet = Snippets.mark(body, List.of("zeppelinfest"), "en");

        assertThat(Highlights.html(snippet))
                .isEqualTo("The <mark>zeppelinfest</mark> opens &amp; draws crowds &lt;again");
    }

    @Test
    void anEmptyBodyHasNoSnippet() {
        assertThat(Snippets.mark("", List.of("oil"), "en")).isEmpty();
        assertThat(Snippets.mark(" … ", List.of("oil"), "en")).isEmpty();
        assertThat(Snippets.mark(null, List.of("oil"), "en")).isEmpty();
    }

    private static List<String> marked(String snippet) {
        Matcher matcher = MARKED.matcher(snippet);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static String words(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(prefix).append(Character.toString('a' + i % 26));
        }
        return text.toString();
    }
}
