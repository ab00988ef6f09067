package io.dateline;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.dateline.security.IssuedToken;
import io.dateline.security.Role;
import io.dateline.security.TokenService;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens for tests: real tokens issued by the service, and an identity provider of our own (a
 * locally generated RSA key) so that the JWT mode is exercised as an organisation would use it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurity {

    public static final RSAKey KEY = generate();

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID("test")
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Bean
    JwtDecoder testIdentityProviderDecoder() throws Exception {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEY.toPublicKey()).build();
    }

    @Bean
    Tokens tokens(TokenService tokenService) {
        return new Tokens(tokenService);
    }

    /** Issues tokens of every role for a test, each with a unique name. */
    public static class Tokens {

        private final TokenService tokenService;

        Tokens(TokenService tokenService) {
            this.tokenService = tokenService;
        }

        public String reader() {
            return issue(Role.READER, UUID.randomUUID().toString()).token();
        }

        public String editor() {
            return issue(Role.EDITOR, null).token();
        }

        public String admin() {
            return issue(Role.ADMIN, null).token();
        }

        public IssuedToken issue(Role role, String subject) {
            return tokenService.issue("test " + role, role, null, subject);
        }

        public IssuedToken expired(Role role) {
            return tokenService.issue("expired " + role, role, Instant.now().minusSeconds(60), null);
        }

        /** The issuer and audience that the test configuration expects (config/application.properties). */
        public static final String ISSUER = "https://idp.test.example";

        public static final String AUDIENCE = "dateline-api";

        /** A JWT signed by the test identity provider, carrying the given roles. */
        public String jwt(String subject, List<String> roles) {
            return jwt(claims -> claims.subject(subject).claim("roles", roles));
        }

        /** A valid JWT for the test configuration, changed by {@code customizer} (to make it invalid). */
        public String jwt(Consumer<JwtClaimsSet.Builder> customizer) {
            try {
                NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)));
                JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                        .issuer(ISSUER)
                        .audience(List.of(AUDIENCE))
                        .subject("someone@example.org")
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(300));
                customizer.accept(builder);
                JwtClaimsSet claims = builder.build();
                return encoder.encode(JwtEncoderParameters.from(
                                JwsHeader.with(SignatureAlgorithm.RS256)
                                        .keyId("test")
                                        .build(),
                                claims))
                        .getTokenValue();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
