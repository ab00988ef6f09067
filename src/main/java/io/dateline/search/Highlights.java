package io.dateline.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a result matched, as HTML-safe text with the matched words in {@code <mark>} elements.
 *
 * <p>PostgreSQL's ts_headline marks the headline's words and {@link Snippets} the snippet's; neither
 * escapes the text around them, and the text is plain (a headline as the editor typed it, the body
 * with its HTML already stripped), so it may well contain "<", "&" or a literal "<b>". Therefore
 * both mark with two private-use characters (removed from the text beforehand, so they cannot occur
 * in it), the whole result is HTML-escaped here, and only then do the sentinels become the only
 * markup: {@code <mark>} and {@code </mark>}. A third private-use character stands in for "<"
 * while ts_headline works, which would otherwise take "<again>" in the text for a tag and drop it.
 *
 * @param headline the whole headline
 * @param snippet a short excerpt of the body around the matches (its beginning when only the
 *     headline, lead or a topic name matched); null for an empty body
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Highlights(
        @Schema(example = "<mark>Lavrov</mark> meets UN envoy on Syria talks")
        String headline,

        @Schema(
                example = "… Foreign Minister Sergey <mark>Lavrov</mark> said on Monday that the talks …",
                nullable = true)
        String snippet) {

    static final char START = '\uE000';

    static final char STOP = '\uE001';

    static final char LESS_THAN = '\uE002';

    /**
     * For SQL's translate(text, PROTECT, PROTECTED): "<" becomes {@link #LESS_THAN} and every
     * private-use character used here is removed, so that those in the result are ours.
     */
    static final String PROTECT = "<" + START + STOP + LESS_THAN;

    static final String PROTECTED = String.valueOf(LESS_THAN);

    static Highlights from(String markedHeadline, String markedSnippet) {
        return new Highlights(
                html(markedHeadline), markedSnippet == null || markedSnippet.isBlank() ? null : html(markedSnippet));
    }

    /** Escapes text for HTML element content or attribute values, turning the sentinels into marks. */
    static String html(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> html.append("<mark>");
                case STOP -> html.append("</mark>");
                case '&' -> html.append("&amp;");
                case '<', LESS_THAN -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
