package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Whatever a client types is text: search and suggestions answer 200 (or 400 for what the contract
 * refuses), never 500. Each query runs in every way the SQL differs: both orders, one language
 * (another language grouping), an editor's scope, and suggestions.
 */
@IntegrationTest
class HostileQueryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    private String editor;

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("tsquery and", "a & b"),
                Arguments.of("tsquery or", "a | b"),
                Arguments.of("tsquery not", "!a"),
                Arguments.of("only operators", "& | ! <-> :* ( )"),
                Arguments.of("followed by", "foo <-> bar"),
                Arguments.of("distance", "foo <2> bar"),
                Arguments.of("prefix", "foo:*"),
                Arguments.of("weights", "foo:AB bar:*A"),
                Arguments.of("lone prefix", ":*"),
                Arguments.of("parentheses", "((a) | (b"),
                Arguments.of("single quote", "'"),
                Arguments.of("quoted quote", "'''"),
                Arguments.of("double quote", "\""),
                Arguments.of("unbalanced phrase", "\"prime minister"),
                Arguments.of("empty phrase", "\"\""),
                Arguments.of("backslash", "\\"),
                Arguments.of("escaped quote", "\\'"),
                Arguments.of("backslashes", "\\\\ \\n \\x00"),
                Arguments.of("sql injection", "'; drop table article; --"),
                Arguments.of("sql tautology", "1' or '1'='1"),
                Arguments.of("sql comment", "meeting /* */ -- "),
                Arguments.of("named parameter", ":q :now :limit"),
                Arguments.of("positional parameter", "$1 ? ?"),
                Arguments.of("like wildcards", "% _ %%"),
                Arguments.of("regex", ".* [a-z]+ (?i)"),
                Arguments.of("only minus", "-"),
                Arguments.of("minus minus", "-- - -"),
                Arguments.of("only or", "or"),
                Arguments.of("or or", "OR OR or"),
                Arguments.of("minus everything", "-meeting -oil"),
                Arguments.of("html", "<script>alert(1)</script>"),
                Arguments.of("entities", "&amp; &lt;mark&gt;"),
                Arguments.of("json", "{\"q\": [1, 2]}"),
                Arguments.of("nul", "a\u0000b"),
                Arguments.of("only nul", "\u0000"),
                Arguments.of("control characters", "\u0001\u0007\u001b[31m red"),
                Arguments.of("tabs and newlines", "meeting\t\r\nmeeting"),
                Arguments.of("sentinel characters", "\uE000meeting\uE001"),
                Arguments.of("lone surrogate", "a\uD800b"),
                Arguments.of("emoji", "🙂 news 🗞️"),
                Arguments.of("right to left", "مرحبا \u202Ebidi"),
                Arguments.of("cjk", "日本語のニュース"),
                Arguments.of("combining marks", "e\u0301e\u0301"),
                Arguments.of("long word", "x".repeat(200)),
                Arguments.of("many words", "a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(7)),
                Arguments.of("many operators", "!(".repeat(66)),
                Arguments.of("numbers", "1e309 -0 NaN 0x1F 1.5.6"),
                Arguments.of("url and email", "https://example.org/a?b=c user@example.org"),
                Arguments.of("stop words", "the a of and"),
                Arguments.of("blank", "   "),
                Arguments.of("empty", ""),
                Arguments.of("too long", "x".repeat(201)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void anyQueryIsTextNeverAnError(String name, String q) throws Exception {
        for (String sort : new String[] {"relevance", "date"}) {
            assertAnswered(q, get("/api/v1/search").param("q", q).param("sort", sort));
        }
        assertAnswered(q, get("/api/v1/search").param("q", q).param("language", "ru", "de"));
        assertAnswered(
                q,
                get("/api/v1/newsroom/search")
                        .param("q", q)
                        .param("status", "DRAFT")
                        .header("Authorization", editor()));
        assertAnswered(q, get("/api/v1/search/suggest").param("q", q));
    }

    private String editor() {
        if (editor == null) {
            editor = "Bearer " + tokens.editor();
        }
        return editor;
    }

    private void assertAnswered(String q, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        boolean refusable =
                q.isBlank() || q.length() > 200 || q.replaceAll("\\p{Cc}", "").isBlank();
        if (refusable) {
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
        } else {
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        }
    }
}
