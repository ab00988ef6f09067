package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ProblemAndOperationsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @Test
    void unknownPathIsAProblem404() throws Exception {
        mvc.perform(get("/no/such/thing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aHealthPathThatNamesNoComponentIsA404NotA500() throws Exception {
        mvc.perform(get("/actuator/health/x/1.0").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/actuator/health/x/1.0")).andExpect(status().is4xxClientError());
    }

    @Test
    void aFilterValueWithANulMatchesNothingRatherThanFailing() throws Exception {
        // PostgreSQL text cannot hold NUL: the value cannot match, and must not reach the database
        mvc.perform(get("/api/v1/articles")
                        .param("source", "a\u0000")
                        .header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void theErrorPageCalledDirectlyIsA404NotA500() throws Exception {
        mvc.perform(post("/error"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void wrongMethodIsAProblem405() throws Exception {
        mvc.perform(patch("/api/v1/readers").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/method-not-allowed"));
    }

    @Test
    void wrongContentTypeIsAProblem415() throws Exception {
        mvc.perform(post("/api/v1/admin/tokens")
                        .header("Authorization", "Bearer " + tokens.admin())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("name=x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unsupported-media-type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*"})
    void wildcardContentTypeIsAProblem415NotA500(String contentType) throws Exception {
        mvc.perform(post("/api/v1/admin/tokens")
                        .header("Authorization", "Bearer " + tokens.admin())
                        .header("Content-Type", contentType)
                        .content("{\"name\": \"x\", \"role\": \"READER\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unsupported-media-type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/json;q=0", "application/json, */*;q=-1"})
    void aWriteThatCannotAnswerInJsonIsRefusedBeforeItChangesAnything(String accept) throws Exception {
        long readers = jdbc.sql("select count(*) from reader").query(Long.class).single();

        mvc.perform(post("/api/v1/readers").header("Accept", accept)).andExpect(status().isNotAcceptable());

        assertThat(jdbc.sql("select count(*) from reader").query(Long.class).single())
                .isEqualTo(readers);
    }

    @Test
    void malformedJsonIsAProblem400WithoutInternals() throws Exception {
        mvc.perform(post("/api/v1/admin/tokens")
                        .header("Authorization", "Bearer " + tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"))
                .andExpect(jsonPath("$.detail").value(matchesPattern("^[^{}]*$")))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void validationProblemNamesTheFields() throws Exception {
        mvc.perform(post("/api/v1/admin/tokens")
                        .header("Authorization", "Bearer " + tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" \", \"role\": \"EDITOR\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("expiresAt")));
    }

    @Test
    void unknownEnumValueNamesTheField() throws Exception {
        mvc.perform(post("/api/v1/admin/tokens")
                        .header("Authorization", "Bearer " + tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"role\": \"EMPEROR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void echoesASaneRequestId() throws Exception {
        mvc.perform(get("/actuator/health").header("X-Request-Id", "app-42.retry-1"))
                .andExpect(header().string("X-Request-Id", "app-42.retry-1"));
    }

    @Test
    void replacesAnInsaneRequestId() throws Exception {
        mvc.perform(get("/actuator/health").header("X-Request-Id", "evil\nX-Injected: yes"))
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
        mvc.perform(get("/actuator/health").header("X-Request-Id", "a".repeat(65)))
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
    }

    @Test
    void generatesARequestIdEvenForErrors() throws Exception {
        mvc.perform(get("/api/v1/admin/tokens"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
    }

    @Test
    void healthGroupsAreAnonymousWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void readinessIncludesTheDatabaseForAdmins() throws Exception {
        mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void prometheusIsForAdminsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + tokens.editor()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isOk());
    }

    @Test
    void infoCarriesBuildAndGit() throws Exception {
        mvc.perform(get("/actuator/info"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.build.artifact").value("dateline"));
    }

    @Test
    void everyMigrationIsAppliedAndValid() {
        flyway.validate();

        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).isNotEmpty();
    }
}
