package io.dateline.currency.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of a bank's file, as published. {@code numericCode} and {@code name} (Russian) come only
 * from the Bank of Russia; they describe a currency that the reference data may not know yet.
 */
record PublishedRate(
        String code,
        int nominal,
        BigDecimal value,
        @Nullable String numericCode,
        @Nullable String name) {}
