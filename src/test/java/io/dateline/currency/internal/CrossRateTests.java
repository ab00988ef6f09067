package io.dateline.currency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cross-rate arithmetic on real rate tables. The properties at the end are checked on thousands of
 * generated cases from a fixed seed, so a failure names a reproducible case.
 */
class CrossRateTests {

    private static final RateTable CBR = table(RateFiles.cbr(RateFiles.CBR_2023));

    private static final RateTable ECB =
            table(RateFiles.ecb(RateFiles.ECB_DAILY_2025).get(0));

    private static final int CASES = 5_000;

    private static final BigDecimal HALF = new BigDecimal("0.5");

    @Test
    void honoursTheNominal() {
        assertThat(CBR.rate("AMD", "RUB").convert(dec("1000"), 2)).isEqualTo(dec("231.82"));
        assertThat(CBR.rate("AMD", "RUB").shown()).isEqualTo(dec("0.231815"));
        assertThat(CBR.rate("VND", "RUB").shown()).isEqualTo(dec("0.00387231"));
        assertThat(CBR.rate("IDR", "RUB").convert(dec("10000"), 2)).isEqualTo(dec("58.68"));
        assertThat(CBR.rate("RUB", "AMD").convert(dec("23.1815"), 2)).isEqualTo(dec("100.00"));
    }

    @Test
    void convertsThroughTheBaseCurrency() {
        assertThat(CBR.rate("USD", "RUB").convert(dec("100"), 2)).isEqualTo(dec("9328.01"));
        assertThat(CBR.rate("USD", "EUR").convert(dec("100"), 2)).isEqualTo(dec("94.76"));
        assertThat(CBR.rate("USD", "EUR").shown()).isEqualTo(dec("0.9476169917"));
        assertThat(CBR.rate("EUR", "USD").shown()).isEqualTo(dec("1.055278671"));
        assertThat(ECB.rate("USD", "JPY").convert(dec("100"), 0)).isEqualTo(dec("14518"));
        assertThat(ECB.rate("USD", "JPY").shown()).isEqualTo(dec("145.1830786"));
    }

    @Test
    void roundsHalfToEvenOnceAtTheEnd() {
        // 1250 JPY = 770.655 RUB and 3750 JPY = 2311.965 RUB exactly: ties, to the even neighbour
        assertThat(CBR.rate("JPY", "RUB").convert(dec("1250"), 2)).isEqualTo(dec("770.66"));
        assertThat(CBR.rate("JPY", "RUB").convert(dec("3750"), 2)).isEqualTo(dec("2311.96"));
    }

    @Test
    void showsRatesWithAtLeastSixSignificantDigits() {
        assertThat(ECB.rate("EUR", "USD").shown()).hasToString("1.12520");
        assertThat(ECB.rate("EUR", "JPY").shown()).hasToString("163.360");
        assertThat(CBR.rate("RUB", "RUB").shown()).hasToString("1.00000");
        assertThat(CBR.rate("RUB", "USD").shown()).hasToString("0.01072040017");
        assertThat(ECB.rate("EUR", "IDR").shown()).hasToString("18606.59");
    }

    @Test
    void showsEveryPublishedFigureExactly() {
        for (PublishedRates day : List.of(RateFiles.cbr(RateFiles.CBR_2023), RateFiles.cbr(RateFiles.CBR_2002))) {
            RateTable table = table(day);
            for (PublishedRate rate : day.rates()) {
                BigDecimal perUnit = rate.value().divide(BigDecimal.valueOf(rate.nominal()));
                assertThat(table.rate(rate.code(), "RUB").shown()).isEqualByComparingTo(perUnit);
            }
        }
        for (PublishedRate rate : RateFiles.ecb(RateFiles.ECB_DAILY_2025).get(0).rates()) {
            assertThat(ECB.rate("EUR", rate.code()).shown()).isEqualByComparingTo(rate.value());
        }
    }

    @Test
    void refusesACurrencyTheTableDoesNotHave() {
        assertThatThrownBy(() -> ECB.rate("USD", "RUB")).isInstanceOf(RateNotAvailableException.class);
    }

    /** A -> B -> A comes back within one minor unit of A when B's minor unit is worth no more than A's. */
    @Test
    void convertingThereAndBackReturnsTheAmountWithinOneMinorUnit() {
        for (RateTable table : List.of(CBR, ECB)) {
            Random random = new Random(20231102L);
            List<String> codes = new ArrayList<>(table.currencies());
            int checked = 0;
            for (int i = 0; i < CASES; i++) {
                String a = codes.get(random.nextInt(codes.size()));
                String b = codes.get(random.nextInt(codes.size()));
                BigDecimal minorA = BigDecimal.ONE.movePointLeft(scale(a));
                BigDecimal minorB = BigDecimal.ONE.movePointLeft(scale(b));
                if (table.rate(b, a).convert(minorB, 20).compareTo(minorA) > 0) {
                    continue;
                }
                BigDecimal amount = amount(random, scale(a));
                BigDecimal there = table.rate(a, b).convert(amount, scale(b));
                BigDecimal back = table.rate(b, a).convert(there, scale(a));
                assertThat(back.subtract(amount).abs())
                        .as("%s %s -> %s %s -> %s (case %d)", amount, a, there, b, back, i)
                        .isLessThanOrEqualTo(minorA);
                checked++;
            }
            assertThat(checked).as("cases that met the condition").isGreaterThan(CASES / 3);
        }
    }

    /** Without the condition the round trip is still bounded: half a minor unit of each rounding. */
    @Test
    void convertingThereAndBackIsBoundedByTheRoundings() {
        for (RateTable table : List.of(CBR, ECB)) {
            Random random = new Random(20250509L);
            List<String> codes = new ArrayList<>(table.currencies());
            for (int i = 0; i < CASES; i++) {
                String a = codes.get(random.nextInt(codes.size()));
                String b = codes.get(random.nextInt(codes.size()));
                BigDecimal amount = amount(random, scale(a));
                BigDecimal there = table.rate(a, b).convert(amount, scale(b));
                BigDecimal back = table.rate(b, a).convert(there, scale(a));
                BigDecimal halfMinorB = BigDecimal.ONE.movePointLeft(scale(b)).multiply(HALF);
                BigDecimal bound = table.rate(b, a)
                        .convert(halfMinorB, 20)
                        .add(BigDecimal.ONE.movePointLeft(scale(a)).multiply(HALF));
                assertThat(back.subtract(amount).abs())
                        .as("%s %s -> %s %s -> %s (case %d)", amount, a, there, b, back, i)
                        .isLessThanOrEqualTo(bound);
            }
        }
    }

    /** Rates of one day chain exactly: A -> B -> C is A -> C, and A -> B -> A is one. */
    @Test
    void ratesOfTheSameDayAreConsistent() {
        for (RateTable table : List.of(CBR, ECB)) {
            Random random = new Random(7L);
            List<String> codes = new ArrayList<>(table.currencies());
            for (int i = 0; i < CASES; i++) {
                String a = codes.get(random.nextInt(codes.size()));
                String b = codes.get(random.nextInt(codes.size()));
                String c = codes.get(random.nextInt(codes.size()));
                CrossRate ab = table.rate(a, b);
                CrossRate bc = table.rate(b, c);
                CrossRate ac = table.rate(a, c);
                BigDecimal chained = ab.numerator().multiply(bc.numerator()).multiply(ac.denominator());
                BigDecimal direct = ac.numerator().multiply(ab.denominator()).multiply(bc.denominator());
                assertThat(chained).as("%s -> %s -> %s (case %d)", a, b, c, i).isEqualByComparingTo(direct);
                CrossRate ba = table.rate(b, a);
                assertThat(ab.numerator().multiply(ba.numerator()))
                        .isEqualByComparingTo(ab.denominator().multiply(ba.denominator()));
            }
        }
    }

    /** The result a client sees agrees with the rate it sees, to the rate's ten significant digits. */
    @Test
    void theResultMatchesTheShownRate() {
        for (RateTable table : List.of(CBR, ECB)) {
            Random random = new Random(42L);
            List<String> codes = new ArrayList<>(table.currencies());
            for (int i = 0; i < CASES; i++) {
                String a = codes.get(random.nextInt(codes.size()));
                String b = codes.get(random.nextInt(codes.size()));
                BigDecimal amount = amount(random, scale(a));
                BigDecimal result = table.rate(a, b).convert(amount, scale(b));
                BigDecimal viaShown = amount.multiply(table.rate(a, b).shown());
                BigDecimal tolerance = BigDecimal.ONE
                        .movePointLeft(scale(b))
                        .multiply(HALF)
                        .add(viaShown.abs().multiply(new BigDecimal("1e-9")));
                assertThat(result.subtract(viaShown).abs())
                        .as("%s %s -> %s (case %d)", amount, a, b, i)
                        .isLessThanOrEqualTo(tolerance);
            }
        }
    }

    /** Amounts from a hundredth to a trillion, at the currency's own precision. */
    private static BigDecimal amount(Random random, int scale) {
        int digits = 1 + random.nextInt(14);
        BigDecimal amount = new BigDecimal(Math.abs(random.nextLong()) % (long) Math.pow(10, digits))
                .movePointLeft(Math.min(scale, 2))
                .add(BigDecimal.ONE);
        return amount.round(new MathContext(15, RoundingMode.DOWN));
    }

    private static int scale(String code) {
        int digits = java.util.Currency.getInstance(code).getDefaultFractionDigits();
        return digits < 0 ? 6 : digits;
    }

    private static RateTable table(PublishedRates day) {
        Map<String, Quote> quotes = day.rates().stream()
                .collect(Collectors.toMap(
                        PublishedRate::code, rate -> day.source().quote(rate.nominal(), rate.value())));
        return new RateTable(day.source(), day.date(), quotes);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
