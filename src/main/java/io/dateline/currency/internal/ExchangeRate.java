package io.dateline.currency.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One published rate, read-only here: the importer writes rates with set-based upserts (see
 * {@link RateStore}).
 */
@Entity
@Table(name = "exchange_rate")
@IdClass(ExchangeRate.Key.class)
class ExchangeRate {

    @Id
    @Enumerated(EnumType.STRING)
    private RateSource source;

    @Id
    private LocalDate rateDate;

    @Id
    private String currencyCode;

    private int nominal;

    private BigDecimal value;

    private Instant importedAt;

    protected ExchangeRate() {}

    RateSource source() {
        return source;
    }

    LocalDate rateDate() {
        return rateDate;
    }

    String currencyCode() {
        return currencyCode;
    }

    int nominal() {
        return nominal;
    }

    BigDecimal value() {
        return value;
    }

    Instant importedAt() {
        return importedAt;
    }

    Quote quote() {
        return source.quote(nominal, value);
    }

    static class Key implements Serializable {

        private RateSource source;

        private LocalDate rateDate;

        private String currencyCode;

        protected Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && source == key.source
                    && Objects.equals(rateDate, key.rateDate)
                    && Objects.equals(currencyCode, key.currencyCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, rateDate, currencyCode);
        }
    }
}
