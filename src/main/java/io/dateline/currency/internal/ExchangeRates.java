package io.dateline.currency.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side: rate tables, conversions and history, with the rules for defaults (source, date,
 * base), for days without rates (the latest earlier day is used and named) and for every input that
 * cannot be answered (a problem, never a 500).
 */
@Service
public class ExchangeRates {

    public static final int MAX_HISTORY_YEARS = 5;

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

    private static final String RUB = RateSource.CBR.baseCurrency();

    private static final String EUR = RateSource.ECB.baseCurrency();

    private final CurrencyRepository currencies;

    private final ExchangeRateRepository rates;

    private final CurrencyProperties properties;

    private final RateTables tables;

    private final Clock clock;

    ExchangeRates(
            CurrencyRepository currencies,
            ExchangeRateRepository rates,
            RateTables tables,
            CurrencyProperties properties,
            Clock clock) {
        this.currencies = currencies;
        this.rates = rates;
        this.tables = tables;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CurrenciesResponse currencies() {
        return CurrenciesResponse.from(currencies.findAll(Sort.by("code")));
    }

    /** Default source: CBR for a RUB base; otherwise the ECB when it quotes the base; else CBR. */
    public RatesResponse table(@Nullable String sourceId, @Nullable LocalDate date, @Nullable String baseParam) {
        String base = baseParam == null ? null : known(baseParam, "base");
        notInFuture("date", date);
        RateSource source;
        if (sourceId != null) {
            source = RateSource.of(sourceId);
        } else if (RUB.equals(base)) {
            source = RateSource.CBR;
        } else {
            source = base == null
                            || tableOnOrBefore(RateSource.ECB, requested(RateSource.ECB, date))
                                    .filter(table -> table.quotes(base))
                                    .isPresent()
                    ? RateSource.ECB
                    : RateSource.CBR;
        }
        RateTable table = table(source, requested(source, date));
        String shownBase = base == null ? source.baseCurrency() : base;
        table.quote(shownBase);
        return RatesResponse.from(table, shownBase);
    }

    /** Default source: CBR when RUB is involved, else the ECB, else whichever quotes both currencies. */
    public ConversionResponse convert(
            String fromParam, String toParam, BigDecimal amount, @Nullable LocalDate date, @Nullable String sourceId) {
        String from = known(fromParam, "from");
        String to = known(toParam, "to");
        notInFuture("date", date);
        RateTable table;
        if (sourceId != null) {
            RateSource source = RateSource.of(sourceId);
            table = table(source, requested(source, date));
        } else if (RUB.equals(from) || RUB.equals(to)) {
            table = table(RateSource.CBR, requested(RateSource.CBR, date));
        } else {
            table = quotingBoth(from, to, date);
        }
        return ConversionResponse.from(table, from, to, amount, scaleOf(to));
    }

    @Transactional(readOnly = true)
    public HistoryResponse history(
            String codeParam,
            @Nullable LocalDate fromParam,
            @Nullable LocalDate toParam,
            @Nullable String baseParam,
            @Nullable String sourceId) {
        String code = known(codeParam, "code");
        String baseGiven = baseParam == null ? null : known(baseParam, "base");
        notInFuture("from", fromParam);
        notInFuture("to", toParam);
        RateSource source = sourceId != null ? RateSource.of(sourceId) : historySource(code, baseGiven);
        LocalDate to = toParam != null ? toParam : today(source);
        LocalDate from = fromParam != null ? fromParam : to.minusYears(1);
        if (from.isAfter(to)) {
            throw new InvalidDateRangeException("The range starts (" + from + ") after it ends (" + to + ").");
        }
        if (from.isBefore(to.minusYears(MAX_HISTORY_YEARS))) {
            throw new InvalidDateRangeException("A history spans at most " + MAX_HISTORY_YEARS + " years; ask for "
                    + from + ".." + to + " in parts.");
        }
        // A currency against the source's own base would be a line of ones: show it against USD instead.
        String base =
                baseGiven != null ? baseGiven : code.equals(source.baseCurrency()) ? "USD" : source.baseCurrency();
        LocalDate first = rates.findFirstDate(source).orElseThrow(() -> new NoRatesException(source));
        if (to.isBefore(first)) {
            throw new NoRatesException(source, to, first);
        }
        Set<String> codes = new LinkedHashSet<>(List.of(code, base));
        codes.remove(source.baseCurrency());
        for (String needed : codes) {
            if (!rates.existsBySourceAndCurrencyCode(source, needed)) {
                throw new RateNotAvailableException(needed, source);
            }
        }
        Map<LocalDate, Map<String, Quote>> days = new TreeMap<>();
        if (!codes.isEmpty()) {
            rates.findBySourceAndCurrencyCodeInAndRateDateBetweenOrderByRateDate(source, codes, from, to)
                    .forEach(rate -> days.computeIfAbsent(rate.rateDate(), day -> new TreeMap<>())
                            .put(rate.currencyCode(), rate.quote()));
        }
        List<HistoryResponse.Point> points = new ArrayList<>();
        days.forEach((day, published) -> {
            RateTable table = new RateTable(source, day, published);
            if (table.quotes(code) && table.quotes(base)) {
                points.add(HistoryResponse.Point.of(day, table.rate(base, code)));
            }
        });
        return new HistoryResponse(code, base, source, from, to, points);
    }

    private RateSource historySource(String code, @Nullable String base) {
        if (RUB.equals(code) || RUB.equals(base)) {
            return RateSource.CBR;
        }
        boolean ecbQuotesCode = EUR.equals(code) || rates.existsBySourceAndCurrencyCode(RateSource.ECB, code);
        boolean ecbQuotesBase =
                base == null || EUR.equals(base) || rates.existsBySourceAndCurrencyCode(RateSource.ECB, base);
        return ecbQuotesCode && ecbQuotesBase && !(EUR.equals(code) && base == null) ? RateSource.ECB : RateSource.CBR;
    }

    private RateTable quotingBoth(String from, String to, @Nullable LocalDate date) {
        boolean anyTable = false;
        for (RateSource source : List.of(RateSource.ECB, RateSource.CBR)) {
            Optional<RateTable> table = tableOnOrBefore(source, requested(source, date));
            if (table.isPresent()) {
                anyTable = true;
                if (table.get().quotes(from) && table.get().quotes(to)) {
                    return table.get();
                }
            }
        }
        if (!anyTable) {
            // explains why: no rates at all, or none as early as the date
            return table(RateSource.ECB, requested(RateSource.ECB, date));
        }
        throw new RateNotAvailableException(from, to, date != null ? date : today(RateSource.ECB));
    }

    /** The latest table on or before {@code requested}, or the reason there is none. */
    private RateTable table(RateSource source, LocalDate requested) {
        LocalDate first = tables.firstDate(source).orElseThrow(() -> new NoRatesException(source));
        if (requested.isBefore(first)) {
            throw new NoRatesException(source, requested, first);
        }
        return tableOnOrBefore(source, requested).orElseThrow(() -> new NoRatesException(source, requested, first));
    }

    private Optional<RateTable> tableOnOrBefore(RateSource source, LocalDate requested) {
        return tables.onOrBefore(source, requested);
    }

    private LocalDate requested(RateSource source, @Nullable LocalDate date) {
        return date != null ? date : today(source);
    }

    private LocalDate today(RateSource source) {
        return LocalDate.now(clock.withZone(properties.zone(source)));
    }

    /**
     * The latest date a client may ask for is tomorrow: the Bank of Russia sets each day's rates the
     * afternoon before.
     */
    private void notInFuture(String parameter, @Nullable LocalDate date) {
        LocalDate latest = LocalDate.now(clock).plusDays(1);
        if (date != null && date.isAfter(latest)) {
            throw new DateInFutureException(parameter, date, latest);
        }
    }

    private String known(String given, String parameter) {
        String code = given.trim();
        if (!CODE.matcher(code).matches()) {
            throw new InvalidCurrencyCodeException(parameter);
        }
        String normalized = code.toUpperCase(Locale.ROOT);
        if (!tables.knows(normalized)) {
            throw new UnknownCurrencyException(normalized);
        }
        return normalized;
    }

    private int scaleOf(String code) {
        return tables.amountScale(code);
    }
}
