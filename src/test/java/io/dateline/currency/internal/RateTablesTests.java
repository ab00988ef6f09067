package io.dateline.currency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.IntegrationTest;
import io.dateline.QueryCounting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Conversions answered from the rate tables in memory, and an import replacing them. */
@IntegrationTest
class RateTablesTests {

    private static final LocalDate DAY = LocalDate.parse("2023-11-02");

    @Autowired
    ExchangeRates rates;

    @Autowired
    RateStore store;

    private final PublishedRates file = RateFiles.cbr(RateFiles.CBR_2023);

    @BeforeEach
    @AfterEach
    void storeTheBanksFile() {
        store.save(RateSource.CBR, List.of(file));
    }

    @Test
    void aDayAlreadyHeldIsConvertedWithoutSql() {
        rates.convert("USD", "RUB", BigDecimal.TEN, DAY, null);

        QueryCounting.reset();
        ConversionResponse conversion = rates.convert("usd", "RUB", BigDecimal.TEN, DAY, null);
        RatesResponse table = rates.table("cbr", DAY, null);

        assertThat(QueryCounting.statements()).isZero();
        assertThat(conversion.result()).isEqualByComparingTo("932.80");
        assertThat(table.date()).isEqualTo(DAY);
    }

    @Test
    void anImportReplacesTheTableHeldInMemory() {
        rates.convert("USD", "RUB", BigDecimal.TEN, DAY, null);
        List<PublishedRate> corrected = new ArrayList<>();
        for (PublishedRate rate : file.rates()) {
            corrected.add(
                    rate.code().equals("USD")
                            ? new PublishedRate("USD", 1, new BigDecimal("90.0000"), rate.numericCode(), rate.name())
                            : rate);
        }

        store.save(RateSource.CBR, List.of(new PublishedRates(RateSource.CBR, DAY, corrected)));

        assertThat(rates.convert("USD", "RUB", BigDecimal.TEN, DAY, null).result())
                .isEqualByComparingTo("900.00");
    }
}
