package io.dateline.currency.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When rates may next change: the next run of a source's import cron. Responses may be cached until
 * then, by clients and by a CDN; an ETag lets them revalidate cheaply afterwards.
 */
@Component
public class PublicationSchedule {

    private final CurrencyProperties properties;

    private final Clock clock;

    PublicationSchedule(CurrencyProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Duration untilNextPublication(RateSource source) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.zone(source)));
        ZonedDateTime next = CronExpression.parse(properties.cron(source)).next(now);
        return next == null ? Duration.ZERO : Duration.between(now, next);
    }

    /** Public caching until the earliest next publication of the given sources. */
    public CacheControl cacheControl(RateSource... sources) {
        Duration maxAge = Arrays.stream(sources)
                .map(this::untilNextPublication)
                .min(Duration::compareTo)
                .orElse(Duration.ZERO);
        return CacheControl.maxAge(maxAge).cachePublic();
    }
}
