package io.dateline.syndication;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Imports every partner's feed on dateline.partners.import.cron, only when
 * dateline.partners.import.enabled is true. A cron trigger first fires at its next tick, so a
 * starting instance never fetches feeds. Each instance runs it; that is harmless, since imports are
 * idempotent by url.
 */
@Component
@ConditionalOnBooleanProperty("dateline.partners.import.enabled")
class PartnerImportSchedule implements SchedulingConfigurer {

    private final Partners partners;

    private final PartnerProperties properties;

    PartnerImportSchedule(Partners partners, PartnerProperties properties) {
        this.partners = partners;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(partners::importAll, properties.importing().cron());
    }
}
