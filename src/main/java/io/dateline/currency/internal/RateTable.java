package io.dateline.currency.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One source's rates of one day, the base currency included, able to relate any two of them. */
final class RateTable {

    private final RateSource source;

    private final LocalDate date;

    private final Map<String, Quote> quotes;

    RateTable(RateSource source, LocalDate date, Map<String, Quote> published) {
        this.source = source;
        this.date = date;
        Map<String, Quote> all = new LinkedHashMap<>(published);
        all.put(source.baseCurrency(), Quote.BASE);
        this.quotes = Collections.unmodifiableMap(all);
    }

    RateSource source() {
        return source;
    }

    LocalDate date() {
        return date;
    }

    boolean quotes(String code) {
        return quotes.containsKey(code);
    }

    Set<String> currencies() {
        return quotes.keySet();
    }

    Quote quote(String code) {
        Quote quote = quotes.get(code);
        if (quote == null) {
            throw new RateNotAvailableException(code, source, date);
        }
        return quote;
    }

    /** Units of {@code to} for one unit of {@code from}, through this source's base currency. */
    CrossRate rate(String from, String to) {
        return CrossRate.between(quote(from), quote(to));
    }
}
