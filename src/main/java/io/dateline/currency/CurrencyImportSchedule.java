package io.dateline.currency;

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
 * the application's startup), so tests and restarts do not reach out to the banks.
 */
@Component
@ConditionalOnBooleanProperty(name = "dateline.currency.import.enabled", matchIfMissing = true)
class CurrencyImportSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CurrencyImportSchedule.class);

    private final CurrencyImporter importer;

    private final CurrencyProperties properties;

    CurrencyImportSchedule(CurrencyImporter importer, CurrencyProperties properties) {
        this.importer = importer;
        this.properties = properties;
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
            importer.importLatest(source);
        } catch (RuntimeException ex) {
            log.error("The scheduled {} import stopped unexpectedly; the next run tries again", source, ex);
        }
    }
}
