package io.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.IntegrationTest;
import io.dateline.QueryCounting;
import io.dateline.TestSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Token lookups reused from memory for a few seconds, and revocation that does not wait for them. */
@IntegrationTest
class TokenCacheTests {

    @Autowired
    TokenService tokenService;

    @Autowired
    TestSecurity.Tokens tokens;

    @Test
    void aTokenJustCheckedIsCheckedAgainWithoutSql() {
        String token = tokens.reader();
        tokenService.authenticate(token);

        QueryCounting.reset();
        boolean active = tokenService.authenticate(token).isPresent();

        assertThat(active).isTrue();
        assertThat(QueryCounting.statements()).isZero();
    }

    @Test
    void aRevocationOnThisInstanceTakesEffectAtOnce() {
        IssuedToken issued = tokens.issue(Role.EDITOR, null);
        assertThat(tokenService.authenticate(issued.token())).isPresent();

        tokenService.revoke(issued.id());

        assertThat(tokenService.authenticate(issued.token())).isEmpty();
    }

    @Test
    void anUnknownTokenIsAskedForEveryTime() {
        tokenService.authenticate("dl_unknown");

        QueryCounting.reset();
        boolean active = tokenService.authenticate("dl_unknown").isPresent();

        assertThat(active).isFalse();
        assertThat(QueryCounting.statements()).isPositive();
    }
}
