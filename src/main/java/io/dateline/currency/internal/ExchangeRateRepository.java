package io.dateline.currency.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Reads of stored rates; every query here is served by the primary key or the series index. */
interface ExchangeRateRepository extends Repository<ExchangeRate, ExchangeRate.Key> {

    List<ExchangeRate> findBySourceAndRateDate(RateSource source, LocalDate rateDate);

    List<ExchangeRate> findBySourceAndCurrencyCodeInAndRateDateBetweenOrderByRateDate(
            RateSource source, Collection<String> codes, LocalDate from, LocalDate to);

    boolean existsBySourceAndCurrencyCode(RateSource source, String currencyCode);

    boolean existsBySourceAndRateDate(RateSource source, LocalDate rateDate);

    @Query("select max(r.rateDate) from ExchangeRate r where r.source = :source and r.rateDate <= :date")
    Optional<LocalDate> findLatestDateOnOrBefore(RateSource source, LocalDate date);

    @Query("select max(r.rateDate) from ExchangeRate r where r.source = :source")
    Optional<LocalDate> findLatestDate(RateSource source);

    @Query("select min(r.rateDate) from ExchangeRate r where r.source = :source")
    Optional<LocalDate> findFirstDate(RateSource source);
}
