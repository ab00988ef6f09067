package io.dateline.job;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Jobs settings.
 *
 * @param poolSize threads that run jobs; small, because each job mostly waits on a bank or a
 *     partner, and at most one job per source runs anyway
 * @param heartbeat how often an instance marks its running jobs as alive
 * @param staleAfter a queued or running job whose instance has not marked it for this long is shown
 *     as INTERRUPTED (its instance died); well above the heartbeat so that a busy instance is not
 *     mistaken for a dead one
 * @param instanceId names this instance in the jobs it runs; at startup, jobs still marked running by
 *     an earlier life of the same instance are INTERRUPTED at once. Defaults to host name and HTTP port.
 */
@ConfigurationProperties("dateline.jobs")
record JobProperties(
        @DefaultValue("2") int poolSize,
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("60s") Duration staleAfter,
        @Nullable String instanceId) {}
