package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Anonymous public reads carry the keys a CDN purges by; nothing else does. */
@IntegrationTest
class SurrogateKeysTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Test
    void anonymousContentPagesCarryTheArticlesKeyInBothSpellings() throws Exception {
        MockHttpServletResponse first =
                mvc.perform(get("/api/v1/articles")).andReturn().getResponse();
        // the second is answered by the page cache, which must replay the keys once, not twice
        MockHttpServletResponse cached =
                mvc.perform(get("/api/v1/articles")).andReturn().getResponse();

        for (MockHttpServletResponse response : new MockHttpServletResponse[] {first, cached}) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaders("Surrogate-Key")).containsExactly("articles");
            assertThat(response.getHeaders("Cache-Tag")).containsExactly("articles");
        }
    }

    @Test
    void articleAndTopicPagesAddTheirOwnKey() throws Exception {
        assertThat(mvc.perform(get("/api/v1/topics/economy/articles"))
                        .andReturn()
                        .getResponse()
                        .getHeader("Surrogate-Key"))
                .isEqualTo("articles topic-economy");
        assertThat(mvc.perform(get("/api/v1/articles/12345"))
                        .andReturn()
                        .getResponse()
                        .getHeader("Cache-Tag"))
                .isEqualTo("articles,article-12345");
        assertThat(mvc.perform(get("/api/v1/currencies"))
                        .andReturn()
                        .getResponse()
                        .getHeader("Surrogate-Key"))
                .isEqualTo("currency");
    }

    @Test
    void authenticatedAndPrivateResponsesCarryNoKeys() throws Exception {
        MockHttpServletResponse editor = mvc.perform(
                        get("/api/v1/articles").header("Authorization", "Bearer " + tokens.editor()))
                .andReturn()
                .getResponse();
        assertThat(editor.getStatus()).isEqualTo(200);
        assertThat(editor.getHeader("Surrogate-Key")).isNull();
        assertThat(editor.getHeader("Cache-Tag")).isNull();

        MockHttpServletResponse me =
                mvc.perform(get("/api/v1/me/preferences")).andReturn().getResponse();
        assertThat(me.getHeader("Surrogate-Key")).isNull();
        assertThat(mvc.perform(get("/actuator/health"))
                        .andReturn()
                        .getResponse()
                        .getHeader("Cache-Tag"))
                .isNull();
    }

    @Test
    void aPathSegmentThatIsNoSafeTokenAddsNoKey() throws Exception {
        MockHttpServletResponse odd = mvc.perform(get("/api/v1/topics/{slug}/articles", "a b,c"))
                .andReturn()
                .getResponse();
        assertThat(odd.getHeader("Surrogate-Key")).isEqualTo("articles");
    }
}
