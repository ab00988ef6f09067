package io.dateline.syndication;

import io.dateline.platform.ClusterLocks;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Imports every partner's feed on dateline.partners.import.cron, only when
 * dateline.partners.import.enabled is true. A cron trigger first fires at its next tick, so a
 * starting instance never fetches feeds. A cluster lock makes one instance per tick fetch them (the
 * imports are idempotent by url, but partners should not see one request per instance).
 */
@Component
@ConditionalOnBooleanProperty("dateline.partners.import.enabled")
class PartnerImportSchedule implements SchedulingConfigurer {

    /**
     * Partners are fetched one after another, each within 5 s connect + 10 s read by default: ten
     * minutes covers forty slow partners. A longer run keeps its lock alive (see ClusterLocks).
     */
    static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(10);

    private final Partners partners;

    private final PartnerProperties properties;

    private final ClusterLocks locks;

    PartnerImportSchedule(Partners partners, PartnerProperties properties, ClusterLocks locks) {
        this.partners = partners;
        this.properties = properties;
        this.locks = locks;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(
                () -> locks.runOnce("partner-import", LOCK_AT_MOST_FOR, partners::importAll),
                properties.importing().cron());
    }
}
