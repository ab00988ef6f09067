package io.dateline.reader;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.platform.HttpProperties;
import io.dateline.platform.ProblemResponseWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web slice of the preferences API: binding, validation and the problem responses, with the
 * service replaced. The database behaviour is covered end to end in FeedTests.
 */
@WebMvcTest(PreferencesController.class)
@EnableConfigurationProperties(HttpProperties.class)
@Import(ProblemResponseWriter.class)
@WithMockUser(username = "reader-1")
class PreferencesControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReaderPreferencesService preferences;

    @Test
    void readsTheCallersOwnPreferencesWithoutCaching() throws Exception {
        given(preferences.get("reader-1"))
                .willReturn(new PreferencesResponse(true, List.of("world"), List.of("sports"), List.of("en")));

        mvc.perform(get("/api/v1/me/preferences"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.followedTopics[0]").value("world"))
                .andExpect(jsonPath("$.mutedTopics[0]").value("sports"));
    }

    @Test
    void replacesForTheCallerNamedByTheToken() throws Exception {
        given(preferences.replace(eq("reader-1"), any()))
                .willReturn(new PreferencesResponse(true, List.of("world"), List.of(), List.of()));

        mvc.perform(put("/api/v1/me/preferences")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filterEnabled\": true, \"followedTopics\": [\"world\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filterEnabled").value(true));
    }

    @Test
    void rejectsInvalidFieldsBeforeTheServiceSeesThem() throws Exception {
        mvc.perform(put("/api/v1/me/preferences")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"languages\": [\"english\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("filterEnabled")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("languages[0]")));

        verify(preferences, never()).replace(any(), any());
    }

    @Test
    void rejectsAnOwnerInTheBody() throws Exception {
        mvc.perform(put("/api/v1/me/preferences")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filterEnabled\": true, \"owner\": \"reader-2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/unknown-property"))
                .andExpect(jsonPath("$.property").value("owner"));

        verify(preferences, never()).replace(any(), any());
    }
}
