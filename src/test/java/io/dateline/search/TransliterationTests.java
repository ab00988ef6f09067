package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TransliterationTests {

    @Test
    void russianNamesAreSpelledAsTheEnglishPressSpellsThem() {
        assertThat(Transliteration.toLatin("Лавров")).isEqualTo("lavrov");
        assertThat(Transliteration.toLatin("Шойгу")).isEqualTo("shoygu");
        assertThat(Transliteration.toLatin("Захарова")).isEqualTo("zakharova");
        assertThat(Transliteration.toLatin("Ельцин")).isEqualTo("yeltsin");
        assertThat(Transliteration.toLatin("Хабаровск")).isEqualTo("khabarovsk");
        assertThat(Transliteration.toLatin("Щукин")).isEqualTo("shchukin");
        assertThat(Transliteration.toLatin("Дмитрий")).isEqualTo("dmitry");
        assertThat(Transliteration.toLatin("Достоевский")).isEqualTo("dostoyevsky");
        assertThat(Transliteration.toLatin("Грозный")).isEqualTo("grozny");
    }

    @Test
    void latinNamesAreSpelledInCyrillicTheSameWayBack() {
        assertThat(Transliteration.toCyrillic("Lavrov")).isEqualTo("лавров");
        assertThat(Transliteration.toCyrillic("Shoygu")).isEqualTo("шойгу");
        assertThat(Transliteration.toCyrillic("Zakharova")).isEqualTo("захарова");
        assertThat(Transliteration.toCyrillic("Yevgeny")).isEqualTo("евгений");
        assertThat(Transliteration.toCyrillic("Dmitry")).isEqualTo("дмитрий");
        assertThat(Transliteration.toCyrillic("Sergey")).isEqualTo("сергей");
        assertThat(Transliteration.toCyrillic("Khabarovsk")).isEqualTo("хабаровск");
        assertThat(Transliteration.toCyrillic("Shchukin")).isEqualTo("щукин");
        assertThat(Transliteration.toCyrillic("Dostoevsky")).isEqualTo("достоевский");
        assertThat(Transliteration.toCyrillic("Dmitriy")).isEqualTo("дмитрий");
        assertThat(Transliteration.toCyrillic("Erdogan")).isEqualTo("эрдоган");
    }

    @Test
    void onlyWordsOfTheOtherScriptChangeAndOperatorsStay() {
        assertThat(Transliteration.toCyrillic("Lavrov заявил")).isEqualTo("лавров заявил");
        assertThat(Transliteration.toLatin("Lavrov заявил")).isEqualTo("Lavrov zayavil");
        assertThat(Transliteration.toCyrillic("\"Lavrov Peskov\" or Putin -Shoygu"))
                .isEqualTo("\"лавров песков\" or путин -шойгу");
        assertThat(Transliteration.toLatin("2024, 15%")).isEqualTo("2024, 15%");
    }

    @Test
    void aQueryHasASpellingOnlyWhenItChanges() {
        SearchQuery latin = query("Lavrov talks");
        SearchQuery cyrillic = query("Лавров");
        SearchQuery digits = query("2024");

        assertThat(latin.latinSpelling()).isEmpty();
        assertThat(latin.cyrillicSpelling()).contains("лавров талкс");
        assertThat(cyrillic.latinSpelling()).contains("lavrov");
        assertThat(cyrillic.cyrillicSpelling()).isEmpty();
        assertThat(digits.latinSpelling()).isEmpty();
        assertThat(digits.cyrillicSpelling()).isEmpty();
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(
                text, SearchSort.RELEVANCE, SearchScope.PUBLISHED, null, Set.of(), Set.of(), null, null, null, null);
    }
}
