package io.dateline.currency.internal;

import java.math.BigDecimal;

/**
 * A rate in its exact published form: {@code units} of a currency are worth {@code baseAmount} of the
 * source's base currency. Keeping the fraction instead of dividing it out means a conversion rounds
 * once, at the end.
 */
record Quote(BigDecimal baseAmount, BigDecimal units) {

    static final Quote BASE = new Quote(BigDecimal.ONE, BigDecimal.ONE);

    Quote {
        if (baseAmount.signum() <= 0 || units.signum() <= 0) {
            throw new IllegalArgumentException("a quote is positive: " + baseAmount + " per " + units);
        }
    }
}
