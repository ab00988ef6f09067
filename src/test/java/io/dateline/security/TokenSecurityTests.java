package io.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class TokenSecurityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminMintsAnEditorTokenThatWorksUntilRevoked() throws Exception {
        String admin = tokens.admin();

        MvcResult created = mvc.perform(post("/api/v1/admin/tokens")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"night desk\", \"role\": \"EDITOR\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.role").value("EDITOR"))
                .andReturn();
        String body = created.getResponse().getContentAsString();
        String editor = JsonPath.read(body, "$.token");
        String id = JsonPath.read(body, "$.id");

        assertThat(editor).startsWith("dl_").hasSizeGreaterThanOrEqualTo(46);
        mvc.perform(post("/api/v1/no-such-write").header("Authorization", "Bearer " + editor))
                .andExpect(status().isNotFound());

        mvc.perform(delete("/api/v1/admin/tokens/" + id).header("Authorization", "Bearer " + admin))
                .andExpect(status().isNoContent());

        mvc.perform(post("/api/v1/no-such-write").header("Authorization", "Bearer " + editor))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")));
    }

    @Test
    void storesOnlyAHashOfTheSecret() throws Exception {
        String admin = tokens.admin();

        String body = mvc.perform(post("/api/v1/admin/tokens")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"hash check\", \"role\": \"READER\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = JsonPath.read(body, "$.token");

        Integer plain = jdbc.queryForObject(
                "select count(*) from api_token where token_hash = ? or name = ?", Integer.class, secret, secret);
        assertThat(plain).isZero();
        mvc.perform(get("/api/v1/admin/tokens").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(secret))))
                .andExpect(jsonPath("$.items[0].token").doesNotExist());
    }

    @Test
    void recordsLastUse() throws Exception {
        var issued = tokens.issue(Role.ADMIN, null);

        mvc.perform(get("/api/v1/admin/tokens").header("Authorization", "Bearer " + issued.token()))
                .andExpect(status().isOk());

        assertThat(jdbc.queryForObject(
                        "select last_used_at is not null from api_token where id = ?", Boolean.class, issued.id()))
                .isTrue();
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        String expired = tokens.expired(Role.ADMIN).token();

        mvc.perform(get("/api/v1/admin/tokens").header("Authorization", "Bearer " + expired))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
    }

    @Test
    void unknownTokenIsRejectedEvenOnPublicReads() throws Exception {
        mvc.perform(get("/actuator/health").header("Authorization", "Bearer dl_forged"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void revokingAnUnknownTokenIs404() throws Exception {
        mvc.perform(delete("/api/v1/admin/tokens/00000000-0000-0000-0000-000000000000")
                        .header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/token-not-found"));
    }

    @Test
    void anonymousReaderRegistersAndGetsAReaderToken() throws Exception {
        String body = mvc.perform(post("/api/v1/readers"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.readerId").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(body, "$.token");
        String readerId = JsonPath.read(body, "$.readerId");

        assertThat(jdbc.queryForObject("select role from api_token where subject = ?", String.class, readerId))
                .isEqualTo("READER");
        mvc.perform(get("/api/v1/admin/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
    }

    @Test
    void roleMatrixForAdminEndpoints() throws Exception {
        mvc.perform(get("/api/v1/admin/tokens")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/tokens").header("Authorization", "Bearer " + tokens.reader()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/tokens").header("Authorization", "Bearer " + tokens.editor()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/tokens").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isOk());
    }

    @Test
    void writesNeedAtLeastAnEditor() throws Exception {
        mvc.perform(post("/api/v1/no-such-write")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/no-such-write").header("Authorization", "Bearer " + tokens.reader()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/no-such-write").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void jwtFromTheConfiguredIdentityProviderCarriesItsRoles() throws Exception {
        mvc.perform(get("/api/v1/admin/tokens")
                        .header("Authorization", "Bearer " + tokens.jwt("ops@example.org", List.of("ADMIN"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/admin/tokens")
                        .header("Authorization", "Bearer " + tokens.jwt("desk@example.org", List.of("EDITOR"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void jwtSignedByAnotherKeyIsRejected() throws Exception {
        String forged = tokens.jwt("ops@example.org", List.of("ADMIN"));
        String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";

        mvc.perform(get("/api/v1/admin/tokens").header("Authorization", "Bearer " + tampered))
                .andExpect(status().isUnauthorized());
    }
}
