package io.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The admin's token list (paged, filtered) and the bulk revocation of idle reader tokens. */
@IntegrationTest
class TokenAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    TokenService tokenService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagesThroughTokensNewestFirstWithoutRepeats() throws Exception {
        String admin = tokens.admin();
        for (int i = 0; i < 5; i++) {
            tokens.editor();
        }
        Set<String> seen = new HashSet<>();
        List<Instant> created = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var request = get("/api/v1/admin/tokens").param("size", "2").header("Authorization", "Bearer " + admin);
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String body = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items.length()").value(2))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> ids = JsonPath.read(body, "$.items[*].id");
            List<String> times = JsonPath.read(body, "$.items[*].createdAt");
            assertThat(seen).doesNotContainAnyElementsOf(ids);
            seen.addAll(ids);
            times.forEach(time -> created.add(Instant.parse(time)));
            cursor = JsonPath.read(body, "$.nextCursor");
            assertThat(cursor).isNotNull();
        }

        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void filtersByRoleAndState() throws Exception {
        String admin = tokens.admin();
        var revoked = tokens.issue(Role.EDITOR, null);
        tokenService.revoke(revoked.id());

        String body = mvc.perform(get("/api/v1/admin/tokens")
                        .param("role", "EDITOR")
                        .param("state", "REVOKED")
                        .param("size", "200")
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        List<String> roles = JsonPath.read(body, "$.items[*].role");
        List<Boolean> active = JsonPath.read(body, "$.items[*].active");
        List<String> ids = JsonPath.read(body, "$.items[*].id");
        assertThat(roles).isNotEmpty().containsOnly("EDITOR");
        assertThat(active).containsOnly(false);
        assertThat(ids).contains(revoked.id().toString());
    }

    @Test
    void refusesOversizedPagesAndForeignCursors() throws Exception {
        String admin = tokens.admin();

        mvc.perform(get("/api/v1/admin/tokens").param("size", "201").header("Authorization", "Bearer " + admin))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/admin/tokens").param("state", "DORMANT").header("Authorization", "Bearer " + admin))
                .andExpect(status().isBadRequest());
        String body = mvc.perform(
                        get("/api/v1/admin/tokens").param("size", "1").header("Authorization", "Bearer " + admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String cursor = JsonPath.read(body, "$.nextCursor");
        mvc.perform(get("/api/v1/admin/tokens")
                        .param("role", "ADMIN")
                        .param("cursor", cursor)
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isBadRequest());
    }

    @Test
    void revokesOnlyReaderTokensIdleForLongerThanAsked() throws Exception {
        String admin = tokens.admin();
        var idleReader = tokens.issue(Role.READER, java.util.UUID.randomUUID().toString());
        var activeReader = tokens.issue(Role.READER, java.util.UUID.randomUUID().toString());
        var idleEditor = tokens.issue(Role.EDITOR, null);
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(100)));
        jdbc.update(
                "update api_token set created_at = ?, last_used_at = ? where id in (?, ?)",
                longAgo,
                longAgo,
                idleReader.id(),
                idleEditor.id());

        mvc.perform(post("/api/v1/admin/tokens/idle-reader-revocations")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idleDays\": 90}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revoked").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));

        assertThat(revoked(idleReader.id())).isTrue();
        assertThat(revoked(activeReader.id())).isFalse();
        assertThat(revoked(idleEditor.id())).isFalse();
        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + idleReader.token()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesAMissingOrAbsurdIdlePeriod() throws Exception {
        String admin = tokens.admin();
        for (String body : List.of("{}", "{\"idleDays\": 0}", "{\"idleDays\": 100000}")) {
            mvc.perform(post("/api/v1/admin/tokens/idle-reader-revocations")
                            .header("Authorization", "Bearer " + admin)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest());
        }
    }

    private boolean revoked(java.util.UUID id) {
        return jdbc.queryForObject("select revoked_at is not null from api_token where id = ?", Boolean.class, id);
    }
}
