package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Лавров заявил | lavrov-zayavil",
                "Шойгу и Щербаков: встреча в Жуковском | shoygu-i-shcherbakov-vstrecha-v-zhukovskom",
                "Ёлка, съезд, объявление | yolka-sezd-obyavlenie",
                "Inflation <2% & rising | inflation-2-rising",
                "Café au lait in Zürich | cafe-au-lait-in-zurich",
                "  --Hello,   World!--  | hello-world",
                "Київ і Харків | kiyiv-i-kharkiv",
                "UPPER case 2024 | upper-case-2024",
            })
    void transliteratesAndNormalises(String text, String slug) {
        assertThat(Slugs.of(text, "article")).isEqualTo(slug);
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(Slugs.of("!!! ???", "article")).isEqualTo("article");
        assertThat(Slugs.of("", "topic")).isEqualTo("topic");
        assertThat(Slugs.of(null, "topic")).isEqualTo("topic");
    }

    @Test
    void neverProducesAPurelyNumericSlugThatWouldLookLikeAnId() {
        assertThat(Slugs.of("2024", "article")).isEqualTo("article-2024");
    }

    @Test
    void cutsLongTextAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(40), "article");

        assertThat(slug)
                .hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
                .doesNotEndWith("-")
                .endsWith("word");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void suffixKeepsTheLimit() {
        String base = Slugs.of("x".repeat(200), "article");

        String suffixed = Slugs.withSuffix(base, 12);

        assertThat(suffixed).hasSize(Slugs.MAX_LENGTH).endsWith("-12");
        assertThat(Slugs.withSuffix("lavrov-zayavil", 2)).isEqualTo("lavrov-zayavil-2");
    }

    @Test
    void validatesTheFormat() {
        assertThat(Slugs.isValid("world")).isTrue();
        assertThat(Slugs.isValid("russian-politics-diplomacy")).isTrue();
        assertThat(Slugs.isValid("Bad Slug")).isFalse();
        assertThat(Slugs.isValid("double--hyphen")).isFalse();
        assertThat(Slugs.isValid("-leading")).isFalse();
    }
}
