package io.dateline.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret key that signs paging cursors; give every instance behind a load balancer the same
 *     one (at least 32 characters). Unset means a random key per process: fine for one instance,
 *     but cursors then die with a restart.
 */
@ConfigurationProperties("dateline.cursor")
public record CursorProperties(String secret) {}
