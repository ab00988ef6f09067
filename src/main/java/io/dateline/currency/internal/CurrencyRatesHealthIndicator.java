package io.dateline.currency.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code currencyRates}: the latest rate date per source and the outcome of its latest import. Old
 * rates are reported as {@code stale: true} but the status stays UP: the service still answers with
 * the latest rates it has (naming their date), so stale rates must never take an instance out of the
 * load balancer. It is not part of the readiness group for the same reason.
 */
@Component
class CurrencyRatesHealthIndicator implements HealthIndicator {

    private final ExchangeRateRepository rates;

    private final ImportStatuses statuses;

    private final CurrencyProperties properties;

    private final Clock clock;

    CurrencyRatesHealthIndicator(
            ExchangeRateRepository rates, ImportStatuses statuses, CurrencyProperties properties, Clock clock) {
        this.rates = rates;
        this.statuses = statuses;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        try {
            for (RateSource source : RateSource.values()) {
                health.withDetail(source.id(), details(source));
            }
        } catch (DataAccessException ex) {
            // the db contributor reports the database itself; this one must not turn DOWN
            return Health.unknown()
                    .withDetail("error", "the rates could not be read")
                    .build();
        }
        return health.build();
    }

    private Map<String, Object> details(RateSource source) {
        Map<String, Object> details = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(properties.zone(source)));
        LocalDate latest = rates.findLatestDate(source).orElse(null);
        details.put("latestRateDate", latest == null ? "none" : latest.toString());
        details.put(
                "stale",
                latest == null
                        || ChronoUnit.DAYS.between(latest, today)
                                > properties.staleAfter().toDays());
        statuses.find(source).ifPresent(status -> {
            details.put("lastImport", status.lastOutcome().toLowerCase(Locale.ROOT));
            details.put("lastImportAt", status.lastAttemptAt().toString());
            if (status.lastFailureAt() != null) {
                details.put("lastFailureAt", status.lastFailureAt().toString());
                details.put("lastFailure", status.lastFailure());
            }
        });
        return details;
    }
}
