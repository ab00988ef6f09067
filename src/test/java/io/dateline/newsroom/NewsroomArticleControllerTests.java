package io.dateline.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.platform.HttpProperties;
import io.dateline.platform.ProblemResponseWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web slice of the newsroom's article API: binding, validation and the response headers, with
 * the workflow replaced. Roles are URL rules, proven for every endpoint by RoleMatrixTests; the
 * workflow itself is proven end to end by ArticleWorkflowTests and NewsroomTests.
 */
@WebMvcTest(NewsroomArticleController.class)
@EnableConfigurationProperties(HttpProperties.class)
@Import({ProblemResponseWriter.class, NewsroomArticleControllerTests.FixedClock.class})
@WithMockUser(username = "desk", roles = "EDITOR")
class NewsroomArticleControllerTests {

    static final Instant NOW = Instant.parse("2031-03-01T12:00:00Z");

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EditorialService editorial;

    @MockitoBean
    EditorLists lists;

    @Test
    void aMalformedIdempotencyKeyIsRefusedBeforeAnythingIsWritten() throws Exception {
        mvc.perform(
                        post("/api/v1/newsroom/articles")
                                .with(csrf())
                                .header("Idempotency-Key", "two words")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"headline\": \"Slice\", \"body\": \"<p>x</p>\", \"language\": \"en\", \"topics\": [\"world\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-parameter"))
                .andExpect(jsonPath("$.header").value("Idempotency-Key"));

        verify(editorial, never()).create(any(), any(), any());
    }

    @Test
    void aReplayedCreationIsA201WithItsLocationStrongETagAndTheReplayHeader() throws Exception {
        given(editorial.create(any(), eq("desk"), eq("key-1")))
                .willReturn(new EditorialService.Saved(article(7, 1), "\"7-1\"", true));

        mvc.perform(
                        post("/api/v1/newsroom/articles")
                                .with(csrf())
                                .header("Idempotency-Key", "key-1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"headline\": \"Slice\", \"body\": \"<p>x</p>\", \"language\": \"en\", \"topics\": [\"world\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/newsroom/articles/7"))
                .andExpect(header().string("ETag", "\"7-1\""))
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Cache-Control", "no-store, private"))
                .andExpect(jsonPath("$.id").value(7));
    }

    @Test
    void theListBindsTheFeedsFiltersAndTheState() throws Exception {
        given(lists.page(any(), any(), anyInt(), any())).willReturn(new EditorPage(List.of(), null));

        mvc.perform(get("/api/v1/newsroom/articles")
                        .param("status", "SCHEDULED")
                        .param("topic", "world", "economy")
                        .param("language", "ru")
                        .param("source", "  Dateline ")
                        .param("since", "2031-01-01T00:00:00+03:00")
                        .param("limit", "5")
                        .param("cursor", "abc"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store, private"))
                .andExpect(jsonPath("$.items").isEmpty());

        ArgumentCaptor<EditorLists.Filter> filter = ArgumentCaptor.forClass(EditorLists.Filter.class);
        verify(lists).page(filter.capture(), eq("abc"), eq(5), eq(NOW));
        assertThat(filter.getValue().state()).isEqualTo(EditorLists.EditorState.SCHEDULED);
        assertThat(filter.getValue().topics()).containsExactly("world", "economy");
        assertThat(filter.getValue().languages()).containsExactly("ru");
        assertThat(filter.getValue().source()).isEqualTo("Dateline");
        assertThat(filter.getValue().since()).isEqualTo(Instant.parse("2030-12-31T21:00:00Z"));
    }

    @Test
    void anUnknownStateOrAnEmptyTimeWindowIsA400AndListsNothing() throws Exception {
        mvc.perform(get("/api/v1/newsroom/articles").param("status", "LIVE"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        mvc.perform(get("/api/v1/newsroom/articles")
                        .param("since", "2031-01-02T00:00:00Z")
                        .param("until", "2031-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/newsroom/articles").param("limit", "101")).andExpect(status().isBadRequest());

        verify(lists, never()).page(any(), any(), anyInt(), any());
    }

    @Test
    void publishingWithoutABodyPublishesNow() throws Exception {
        given(editorial.publish(eq(7L), isNull(), isNull(), eq("desk")))
                .willReturn(new EditorialService.Saved(article(7, 2), "\"7-2\"", false));

        mvc.perform(post("/api/v1/newsroom/articles/{id}/publish", 7).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"7-2\""))
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
    }

    private static EditorArticleResponse article(long id, long version) {
        return new EditorArticleResponse(
                id,
                "slice",
                version == 1 ? "DRAFT" : "PUBLISHED",
                "Slice",
                null,
                List.of("<p>x</p>"),
                null,
                null,
                null,
                "en",
                "UTC",
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                NOW,
                NOW,
                version,
                null,
                List.of(),
                false,
                null,
                false,
                null,
                null);
    }
}
