package io.dateline.newsroom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Cleans page HTML on write, so that every reader of the stored HTML (apps, feeds, partners) gets
 * markup that cannot run script. An allow-list: anything not named here is dropped, including
 * every event handler and style; links and images keep http(s) URLs only.
 */
@Component
class HtmlSanitizer {

    private static final Safelist SAFELIST = new Safelist()
            .addTags(
                    "p",
                    "br",
                    "h2",
                    "h3",
                    "h4",
                    "ul",
                    "ol",
                    "li",
                    "blockquote",
                    "strong",
                    "em",
                    "b",
                    "i",
                    "a",
                    "img",
                    "table",
                    "caption",
                    "thead",
                    "tbody",
                    "tfoot",
                    "tr",
                    "th",
                    "td")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addAttributes("blockquote", "cite")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("td", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("blockquote", "cite", "http", "https")
            // partner content must not pass on our reputation or get a handle on our window
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .escapeMode(Entities.EscapeMode.base)
            .charset("UTF-8");

    String clean(String html) {
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }

    /** The words of sanitized HTML, for full-text search: tags gone, entities decoded, spaces collapsed. */
    String text(String cleanHtml) {
        return Jsoup.parseBodyFragment(cleanHtml).body().text();
    }
}
