package io.dateline.currency.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;

/** A bank that publishes official rates, and how to read its figures. */
public enum RateSource {

    /** Bank of Russia: {@code value} roubles for {@code nominal} units of the currency. */
    CBR("RUB"),

    /** European Central Bank: {@code value} units of the currency for one euro. */
    ECB("EUR");

    private final String baseCurrency;

    RateSource(String baseCurrency) {
        this.baseCurrency = baseCurrency;
    }

    String baseCurrency() {
        return baseCurrency;
    }

    @JsonValue
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The published figures as "so many units of the currency are worth so much of the base". */
    Quote quote(int nominal, BigDecimal value) {
        return switch (this) {
            case CBR -> new Quote(value, BigDecimal.valueOf(nominal));
            case ECB -> new Quote(BigDecimal.valueOf(nominal), value);
        };
    }

    /** Reads a client's {@code cbr} or {@code ecb}, in any case. */
    public static RateSource of(String id) {
        for (RateSource source : values()) {
            if (source.id().equalsIgnoreCase(id.trim())) {
                return source;
            }
        }
        throw new UnknownRateSourceException(id);
    }
}
