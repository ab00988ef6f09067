package io.dateline.platform;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to start a member of a multi-instance deployment (more than one instance declared, or read
 * replicas configured, which only pay off behind a load balancer) with a per-process paging-cursor
 * key: a "Show more" cursor issued by one instance would be refused as forged by the next.
 */
@Component
class SharedSettingsCheck {

    SharedSettingsCheck(ClusterProperties cluster, ReplicaProperties replicas, CursorProperties cursor) {
        boolean multiInstance = cluster.instances() > 1 || !replicas.replicas().isEmpty();
        if (multiInstance && !StringUtils.hasText(cursor.secret())) {
            throw new UnsharedSettingException(
                    "dateline.cursor.secret",
                    "with dateline.cluster.instances=" + cluster.instances() + " and "
                            + replicas.replicas().size()
                            + " read replica(s), paging cursors signed by one instance must verify on every"
                            + " other one");
        }
    }
}
