package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlightsTests {

    private static final char S = Highlights.START;

    private static final char E = Highlights.STOP;

    @Test
    void marksBecomeMarkElements() {
        assertThat(Highlights.html("Lavrov " + S + "meets" + E + " envoy"))
                .isEqualTo("Lavrov <mark>meets</mark> envoy");
    }

    @Test
    void textAroundTheMarksIsEscaped() {
        assertThat(Highlights.html(S + "Inflation" + E + " <2% & rising"))
                .isEqualTo("<mark>Inflation</mark> &lt;2% &amp; rising");
        assertThat(Highlights.html("<b>" + S + "bold" + E + "</b> \"quoted\" 'single'"))
                .isEqualTo("&lt;b&gt;<mark>bold</mark>&lt;/b&gt; &quot;quoted&quot; &#39;single&#39;");
    }

    @Test
    void markupInsideAMatchIsEscapedToo() {
        assertThat(Highlights.html(S + "<script>" + E)).isEqualTo("<mark>&lt;script&gt;</mark>");
    }

    @Test
    void entitiesInTheTextStayText() {
        assertThat(Highlights.html("AT&amp;T")).isEqualTo("AT&amp;amp;T");
    }

    @Test
    void anEmptySnippetIsAbsent() {
        Highlights highlights = Highlights.from(S + "Word" + E, " ");

        assertThat(highlights.headline()).isEqualTo("<mark>Word</mark>");
        assertThat(highlights.snippet()).isNull();
    }

    @Test
    void aProtectedLessThanIsEscapedLikeOne() {
        assertThat(Highlights.html("crowds " + Highlights.LESS_THAN + "again>")).isEqualTo("crowds &lt;again&gt;");
    }

    @Test
    void sentinelsAreCharactersNoTextUses() {
        assertThat(Highlights.PROTECT).hasSize(4).startsWith("<");
        assertThat(Highlights.PROTECT.substring(1)).matches("[\\p{Co}]+");
    }
}
