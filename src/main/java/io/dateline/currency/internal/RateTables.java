package io.dateline.currency.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.dateline.platform.PublicPagesChanged;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rate tables and currency reference data in memory, as immutable snapshots: rates change once
 * a day, and a conversion should be arithmetic, not five queries and 43 entities. A date already
 * asked for is answered without a database round trip.
 *
 * <p>An import that commits on this instance drops every snapshot before its request returns (and
 * before the page cache drops its currency pages, which run later); the next read loads the new
 * table. An import committed by another instance (the scheduled one runs on one instance only)
 * reaches this one within {@code dateline.currency.tables-refresh}, when snapshots are re-read in
 * the background while the held ones keep answering.
 */
@Component
class RateTables {

    private static final String ALL = "all";

    private record Day(RateSource source, LocalDate requested) {}

    private final LoadingCache<RateSource, Optional<LocalDate>> firstDates;

    private final LoadingCache<Day, Optional<RateTable>> onOrBefore;

    private final LoadingCache<String, Map<String, Integer>> scales;

    RateTables(CurrencyRepository currencies, ExchangeRateRepository rates, CurrencyProperties properties) {
        this.firstDates = Caffeine.newBuilder()
                .refreshAfterWrite(properties.tablesRefresh())
                .build(rates::findFirstDate);
        // bounded: a client walking through history asks for many dates, each a small table
        this.onOrBefore = Caffeine.newBuilder()
                .maximumSize(2_000)
                .refreshAfterWrite(properties.tablesRefresh())
                .build(day -> rates.findLatestDateOnOrBefore(day.source(), day.requested())
                        .map(date -> new RateTable(
                                day.source(),
                                date,
                                rates.findBySourceAndRateDate(day.source(), date).stream()
                                        .collect(Collectors.toMap(ExchangeRate::currencyCode, ExchangeRate::quote)))));
        this.scales = Caffeine.newBuilder()
                .refreshAfterWrite(properties.tablesRefresh())
                .build(key -> currencies.findAll().stream()
                        .collect(Collectors.toUnmodifiableMap(Currency::code, Currency::amountScale)));
    }

    /** The first day the source has rates for, if any. */
    Optional<LocalDate> firstDate(RateSource source) {
        return firstDates.get(source);
    }

    /** The latest table of the source on or before the day. */
    Optional<RateTable> onOrBefore(RateSource source, LocalDate requested) {
        return onOrBefore.get(new Day(source, requested));
    }

    boolean knows(String code) {
        return scales.get(ALL).containsKey(code);
    }

    /** Digits after the point in amounts of the currency; the currency must be known. */
    int amountScale(String code) {
        Integer scale = scales.get(ALL).get(code);
        if (scale == null) {
            throw new UnknownCurrencyException(code);
        }
        return scale;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void replace(PublicPagesChanged change) {
        if (change.scope() == PublicPagesChanged.Scope.CURRENCY) {
            firstDates.invalidateAll();
            onOrBefore.invalidateAll();
            scales.invalidateAll();
        }
    }
}
