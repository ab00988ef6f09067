package io.dateline.platform;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The replicas part of readiness ("replicas"): each replica's state and lag in the details (shown to
 * ADMIN only, like every detail). Always UP: reads fall back to the primary, so a lagging or lost
 * replica costs capacity, not correctness, and must not take the instance out of the load balancer.
 */
@Component("replicasHealthIndicator")
class ReplicaHealthIndicator implements HealthIndicator {

    private final ObjectProvider<DataSource> dataSource;

    ReplicaHealthIndicator(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        DataSource source = dataSource.getIfAvailable();
        if (source == null || !isRouting(source)) {
            return Health.up().withDetail("configured", 0).build();
        }
        Health.Builder health = Health.up();
        for (Replica replica : ReadRoutingConfiguration.routing(source).replicas()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("url", replica.url().replaceFirst("\\?.*", ""));
            details.put("state", replica.state().name());
            if (replica.lag() != null) {
                details.put("lagSeconds", replica.lag().toMillis() / 1000.0);
            }
            if (replica.problem() != null) {
                details.put("problem", replica.problem());
            }
            health.withDetail(replica.name(), details);
        }
        return health.build();
    }

    private static boolean isRouting(DataSource source) {
        try {
            return source.isWrapperFor(ReadRoutingDataSource.class);
        } catch (SQLException ex) {
            return false;
        }
    }
}
