package io.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Abuse resistance end to end on the shared context: strict JWT mode, bodies refused before
 * authentication, security headers, and what anonymous callers see of /actuator/info.
 */
@IntegrationTest
class AbuseResistanceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    void expectUnauthorized(String jwt) throws Exception {
        mvc.perform(get("/api/v1/admin/tokens").header("Authorization", "Bearer " + jwt))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aJwtForThisServiceWorks() throws Exception {
        mvc.perform(get("/api/v1/admin/tokens")
                        .header(
                                "Authorization",
                                "Bearer " + tokens.jwt(claims -> claims.claim("roles", List.of("ADMIN")))))
                .andExpect(status().isOk());
    }

    @Test
    void aJwtForAnotherAudienceIsRefused() throws Exception {
        expectUnauthorized(
                tokens.jwt(claims -> claims.audience(List.of("another-app")).claim("roles", List.of("ADMIN"))));
    }

    @Test
    void aJwtWithoutAudienceIsRefused() throws Exception {
        expectUnauthorized(
                tokens.jwt(claims -> claims.claims(all -> all.remove("aud")).claim("roles", List.of("ADMIN"))));
    }

    @Test
    void aJwtFromAnotherIssuerIsRefused() throws Exception {
        expectUnauthorized(
                tokens.jwt(claims -> claims.issuer("https://other-idp.example").claim("roles", List.of("ADMIN"))));
    }

    @Test
    void anExpiredJwtIsRefused() throws Exception {
        expectUnauthorized(tokens.jwt(claims -> claims.issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .claim("roles", List.of("ADMIN"))));
    }

    @Test
    void aJwtNotYetValidIsRefused() throws Exception {
        expectUnauthorized(tokens.jwt(claims ->
                claims.notBefore(Instant.now().plus(Duration.ofHours(1))).claim("roles", List.of("ADMIN"))));
    }

    @Test
    void anUnsignedJwtIsRefused() throws Exception {
        expectUnauthorized(new PlainJWT(adminClaims()).serialize());
    }

    @Test
    void anHs256JwtKeyedWithThePublicKeyIsRefused() throws Exception {
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .keyID("test")
                        .build(),
                adminClaims());
        forged.sign(new MACSigner(TestSecurity.KEY.toRSAPublicKey().getEncoded()));

        expectUnauthorized(forged.serialize());
    }

    @Test
    void jwtModeWithoutIssuerOrAudienceDoesNotStart() {
        SecurityProperties noAudience = new SecurityProperties(
                null, "roles", "https://idp.example", List.of(), Duration.ofSeconds(30), Duration.ofSeconds(5));
        SecurityProperties noIssuer = new SecurityProperties(
                null, "roles", null, List.of("dateline-api"), Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThatThrownBy(() -> StrictJwt.requireSettings(noAudience))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dateline.security.jwt-audiences");
        assertThatThrownBy(() -> StrictJwt.requireSettings(noIssuer))
                .hasMessageContaining("dateline.security.jwt-issuer");
    }

    private static JWTClaimsSet adminClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(TestSecurity.Tokens.ISSUER)
                .audience(TestSecurity.Tokens.AUDIENCE)
                .subject("mallory@example.org")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("roles", List.of("ADMIN"))
                .build();
    }

    @Test
    void aProtectedWriteWithoutATokenIsRefusedWithoutReadingItsBody() throws Exception {
        byte[] body = ("{\"headline\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes();
        MockHttpServletRequest[] sent = new MockHttpServletRequest[1];

        mvc.perform(post("/api/v1/newsroom/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(request -> {
                            sent[0] = request;
                            return request;
                        }))
                .andExpect(status().isUnauthorized());

        assertThat(sent[0].getInputStream().readAllBytes())
                .as("body left unread")
                .hasSize(body.length);
    }

    @Test
    void anonymousBodiesHaveASmallLimit() throws Exception {
        mvc.perform(post("/api/v1/readers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pad\": \"" + "x".repeat(20 * 1024) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/payload-too-large"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/api/v1/articles", "/api/v1/no-such-thing", "/api/v1/admin/tokens")) {
            mvc.perform(get(path))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andExpect(header().string(
                                    "Content-Security-Policy",
                                    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"));
        }
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")));
    }

    @Test
    void infoShowsNoJvmDetails() throws Exception {
        mvc.perform(get("/actuator/info"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.java").doesNotExist())
                .andExpect(jsonPath("$.build.artifact").value("dateline"));
    }
}
