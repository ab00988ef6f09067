package io.dateline.security;

import io.dateline.platform.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Makes sure someone can administer a new installation. When no active admin token exists, the
 * configured bootstrap token becomes one; on the embedded default without one, a random token is
 * generated and printed once, since that run is a developer's own machine.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    static final int MIN_LENGTH = 32;

    private final TokenService tokens;

    private final SecurityProperties properties;

    private final ObjectProvider<EmbeddedPostgresServer> embedded;

    BootstrapAdmin(
            TokenService tokens, SecurityProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.tokens = tokens;
        this.properties = properties;
        this.embedded = embedded;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.bootstrapAdminToken();
        if (StringUtils.hasText(configured)) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalStateException("dateline.security.bootstrap-admin-token must be at least " + MIN_LENGTH
                        + " characters of random data");
            }
            if (!tokens.activeAdminExists() && !tokens.exists(configured)) {
                tokens.store("bootstrap admin", Role.ADMIN, null, null, configured);
                log.info("The configured bootstrap token is now an ADMIN token");
            }
            return;
        }
        if (tokens.activeAdminExists()) {
            return;
        }
        if (embedded.getIfAvailable() != null) {
            IssuedToken issued = tokens.issue("generated bootstrap admin", Role.ADMIN, null, null);
            log.warn("""

                    ==========================================================================
                    No admin token existed, so one was generated. It is shown only this once:

                        {}

                    Use it as 'Authorization: Bearer <token>' to mint editor tokens at
                    POST /api/v1/admin/tokens. Set DATELINE_SECURITY_BOOTSTRAPADMINTOKEN to
                    choose your own instead.
                    ==========================================================================""", issued.token());
        } else {
            log.warn("No active admin token exists. Set DATELINE_SECURITY_BOOTSTRAPADMINTOKEN to create one.");
        }
    }
}
