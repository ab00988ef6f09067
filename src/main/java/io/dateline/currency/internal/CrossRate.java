package io.dateline.currency.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How many units of one currency one unit of another buys, as an exact fraction of published
 * figures: {@code numerator / denominator}. Multiplying and dividing BigDecimals is exact, so the only
 * rounding happens where a number leaves for a client.
 */
record CrossRate(BigDecimal numerator, BigDecimal denominator) {

    /** Ten significant digits keep every published figure exact (the banks publish at most eight). */
    private static final MathContext SHOWN = new MathContext(10, RoundingMode.HALF_EVEN);

    private static final int MIN_SIGNIFICANT_DIGITS = 6;

    /** Units of {@code to} for one unit of {@code from}, both quoted against the same base. */
    static CrossRate between(Quote from, Quote to) {
        return new CrossRate(
                from.baseAmount().multiply(to.units()), from.units().multiply(to.baseAmount()));
    }

    CrossRate inverse() {
        return new CrossRate(denominator, numerator);
    }

    /** {@code amount} converted, rounded once to {@code scale} decimals, half to even. */
    BigDecimal convert(BigDecimal amount, int scale) {
        return amount.multiply(numerator).divide(denominator, scale, RoundingMode.HALF_EVEN);
    }

    /**
     * The rate as a client sees it: ten significant digits, trailing zeros dropped, but never fewer than
     * six significant digits, so that 1.1252 reads 1.12520 and no rate looks coarser than it is.
     */
    BigDecimal shown() {
        BigDecimal rate = numerator.divide(denominator, SHOWN).stripTrailingZeros();
        if (rate.precision() < MIN_SIGNIFICANT_DIGITS) {
            rate = rate.setScale(rate.scale() + MIN_SIGNIFICANT_DIGITS - rate.precision());
        }
        return rate.scale() < 0 ? rate.setScale(0) : rate;
    }
}
