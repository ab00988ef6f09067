package io.dateline.currency.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the currency feature.
 *
 * @param cbr the Bank of Russia feed
 * @param ecb the European Central Bank feed
 * @param importing the scheduled imports and the HTTP client behind every import
 *     ({@code dateline.currency.import.*})
 * @param staleAfter rates older than this are reported stale by the currencyRates health contributor
 * @param tablesRefresh how long an instance may keep answering from rate tables (and currency
 *     reference data) held in memory before re-reading them; bounds how late an import committed by
 *     another instance is seen here, an import on this instance replaces them at once
 */
@ConfigurationProperties("dateline.currency")
@Validated
record CurrencyProperties(
        @DefaultValue @Valid Cbr cbr,
        @DefaultValue @Valid Ecb ecb,
        @Name("import") @DefaultValue @Valid Import importing,
        @DefaultValue("4d") Duration staleAfter,
        @DefaultValue("1m") Duration tablesRefresh) {

    /**
     * @param baseUrl where {@code /scripts/XML_daily.asp} is served
     * @param cron when the daily import runs; the bank sets the next day's rates in the afternoon
     * @param zone the zone of {@code cron}, also the zone of "today" for this bank's rates
     */
    record Cbr(
            @DefaultValue("https://www.cbr.ru") @NotNull URI baseUrl,
            @DefaultValue("0 15 12 * * MON-SAT") @NotNull String cron,
            @DefaultValue("Europe/Moscow") @NotNull ZoneId zone) {}

    /**
     * @param baseUrl where {@code /stats/eurofxref/eurofxref-*.xml} are served
     * @param cron when the daily import runs; the ECB publishes around 16:00 CET on TARGET days
     * @param zone the zone of {@code cron}, also the zone of "today" for this bank's rates
     */
    record Ecb(
            @DefaultValue("https://www.ecb.europa.eu") @NotNull
            URI baseUrl,

            @DefaultValue("0 30 16 * * MON-FRI") @NotNull String cron,
            @DefaultValue("Europe/Berlin") @NotNull ZoneId zone) {}

    /**
     * @param enabled run the daily imports on their cron; the admin backfill works either way
     * @param connectTimeout how long to wait for a bank's server to accept the connection
     * @param readTimeout how long to wait for a bank's response
     * @param attempts how many times one download is tried before it counts as failed
     * @param backoff the pause before the second attempt, doubled before each further one
     */
    record Import(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("30s") @NotNull Duration readTimeout,
            @DefaultValue("3") @Min(1) int attempts,
            @DefaultValue("2s") @NotNull Duration backoff) {}

    URI baseUrl(RateSource source) {
        return switch (source) {
            case CBR -> cbr.baseUrl();
            case ECB -> ecb.baseUrl();
        };
    }

    String cron(RateSource source) {
        return switch (source) {
            case CBR -> cbr.cron();
            case ECB -> ecb.cron();
        };
    }

    ZoneId zone(RateSource source) {
        return switch (source) {
            case CBR -> cbr.zone();
            case ECB -> ecb.zone();
        };
    }
}
