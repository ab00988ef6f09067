package io.dateline.currency.internal;

import io.dateline.platform.ClusterLocks;
import java.time.Duration;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The daily import of each source, on its own cron and zone. Only the cron starts an import (never
 * the application's startup), so tests and restarts do not reach out to the banks. Each source's
 * run holds a cluster lock, so that with several instances the bank is asked once, not once each.
 */
@Component
@ConditionalOnBooleanProperty(name = "dateline.currency.import.enabled", matchIfMissing = true)
class CurrencyImportSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CurrencyImportSchedule.class);

    /**
     * A download's worst case with the default settings is 3 attempts of 5 s connect + 30 s read plus
     * 2 s + 4 s of back-off (111 s); storing a day's rates takes well under a second. Five minutes
     * leaves room for a slow database; a longer run keeps its lock alive (see ClusterLocks).
     */
    static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(5);

    private final CurrencyImporter importer;

    private final CurrencyProperties properties;

    private final ClusterLocks locks;

    CurrencyImportSchedule(CurrencyImporter importer, CurrencyProperties properties, ClusterLocks locks) {
        this.importer = importer;
        this.properties = properties;
        this.locks = locks;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (RateSource source : RateSource.values()) {
            CronTrigger trigger =
                    new CronTrigger(properties.cron(source), TimeZone.getTimeZone(properties.zone(source)));
            registrar.addCronTask(new CronTask(() -> run(source), trigger));
        }
    }

    private void run(RateSource source) {
        try {
            locks.runOnce("currency-import-" + source, LOCK_AT_MOST_FOR, () -> importer.importLatest(source));
        } catch (RuntimeException ex) {
            log.error("The scheduled {} import stopped unexpectedly; the next run tries again", source, ex);
        }
    }
}
