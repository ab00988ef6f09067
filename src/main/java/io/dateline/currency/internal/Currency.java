package io.dateline.currency.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** An ISO 4217 currency, as the reference data (or a bank's file) describes it. */
@Entity
@Table(name = "currency")
class Currency {

    @Id
    private String code;

    private @Nullable String numericCode;

    private @Nullable String nameEn;

    private @Nullable String nameRu;

    private @Nullable Short minorUnits;

    protected Currency() {}

    String code() {
        return code;
    }

    @Nullable
    String numericCode() {
        return numericCode;
    }

    @Nullable
    String nameEn() {
        return nameEn;
    }

    @Nullable
    String nameRu() {
        return nameRu;
    }

    /** Decimal places of the currency; null where ISO 4217 defines none (SDR, gold). */
    @Nullable
    Integer minorUnits() {
        return minorUnits == null ? null : minorUnits.intValue();
    }

    /**
     * The decimal places of an amount in this currency: its minor units, or six where it has none, as
     * for SDR, whose values are customarily given to six places.
     */
    int amountScale() {
        return minorUnits != null ? minorUnits : 6;
    }
}
