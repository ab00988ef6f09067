package io.dateline.platform;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read replicas (README "Scale-out: read routing", docs/read-routing.md).
 *
 * @param replicas JDBC URLs of PostgreSQL streaming replicas; empty means every statement goes to
 *     the primary ({@code spring.datasource.*}) exactly as without this setting
 * @param replicaUsername user for every replica; unset means the primary's
 * @param replicaPassword password for every replica; unset means the primary's
 * @param replicaMaxLag a replica further behind the primary than this leaves the rotation
 * @param replicaCheckInterval how often each replica's state and lag are measured
 */
@ConfigurationProperties("dateline.datasource")
public record ReplicaProperties(
        @DefaultValue List<String> replicas,
        String replicaUsername,
        String replicaPassword,
        @DefaultValue("10s") Duration replicaMaxLag,
        @DefaultValue("1s") Duration replicaCheckInterval) {}
