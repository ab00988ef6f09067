package io.dateline.currency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The writes and the custom queries on the real database. Each test runs in a transaction that is
 * rolled back, and first clears the days it works on, so rows committed by other test classes do not
 * matter.
 */
@DataJpaTest
@Import({TestDatabase.class, RateStore.class, RateStoreTests.FixedClock.class})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class RateStoreTests {

    static final Instant NOW = Instant.parse("2025-05-09T14:00:00Z");

    @Autowired
    RateStore store;

    @Autowired
    ExchangeRateRepository rates;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void clearTheDaysUsedHere() {
        jdbc.sql("delete from exchange_rate where (source = 'CBR' and rate_date in ('2016-10-26', '2023-11-02'))"
                        + " or (source = 'ECB' and rate_date between '2016-12-05' and '2017-03-08')"
                        + " or (source = 'ECB' and rate_date = '2025-05-09')")
                .update();
    }

    @Test
    void storesAFileAndFindsItUnchangedTheSecondTime() {
        PublishedRates file = RateFiles.cbr(RateFiles.CBR_2016);

        ImportCounts first = store.save(RateSource.CBR, List.of(file));
        ImportCounts second = store.save(RateSource.CBR, List.of(file));

        assertThat(first).isEqualTo(new ImportCounts(new java.util.TreeSet<>(List.of(file.date())), 33, 0, 0));
        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(33);
        assertThat(RateFiles.stored(jdbc, RateSource.CBR, file.date())).isEqualTo(RateFiles.published(file));
    }

    @Test
    void updatesOnlyTheRowsWhoseFiguresChanged() {
        PublishedRates file = RateFiles.cbr(RateFiles.CBR_2023);
        store.save(RateSource.CBR, List.of(file));
        jdbc.sql(
                        "update exchange_rate set imported_at = '2000-01-01T00:00:00Z' where source = 'CBR' and rate_date = '2023-11-02'")
                .update();
        List<PublishedRate> corrected = new ArrayList<>(file.rates());
        corrected.set(0, new PublishedRate("AUD", 1, new BigDecimal("59.0651"), "036", null));

        ImportCounts counts =
                store.save(RateSource.CBR, List.of(new PublishedRates(RateSource.CBR, file.date(), corrected)));

        assertThat(counts.updated()).isEqualTo(1);
        assertThat(counts.unchanged()).isEqualTo(42);
        assertThat(jdbc.sql("select count(*) from exchange_rate where source = 'CBR' and rate_date = '2023-11-02'"
                                + " and imported_at > '2000-01-01T00:00:00Z'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(RateFiles.stored(jdbc, RateSource.CBR, file.date())).containsEntry("AUD", "1 59.0651");
    }

    @Test
    void keepsTheScaleTheBankPublished() {
        store.save(RateSource.ECB, RateFiles.ecb(RateFiles.ECB_DAILY_2025));

        assertThat(RateFiles.stored(jdbc, RateSource.ECB, LocalDate.of(2025, 5, 9)))
                .containsEntry("GBP", "1 0.84770")
                .containsEntry("IDR", "1 18606.59");
    }

    @Test
    void addsACurrencyThatTheReferenceDataDoesNotKnow() {
        PublishedRates file = new PublishedRates(
                RateSource.CBR,
                LocalDate.of(2016, 10, 26),
                List.of(
                        new PublishedRate("QQQ", 10, new BigDecimal("1.5"), "999", "Тестовых денег"),
                        new PublishedRate("XTS", 1, new BigDecimal("2.5"), null, null)));

        store.save(RateSource.CBR, List.of(file));

        assertThat(jdbc.sql("select code, numeric_code, name_en, name_ru, minor_units from currency"
                                + " where code in ('QQQ', 'XTS') order by code")
                        .query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                                + rs.getString(4) + "|" + rs.getObject(5))
                        .list())
                .containsExactly(
                        "QQQ|999|null|Тестовых денег|2", "XTS|963|Testing Currency Code|тестовый валютный код|null");
    }

    @Test
    void findsTheLatestDayOnOrBeforeADate() {
        store.save(RateSource.ECB, RateFiles.ecb(RateFiles.ECB_90_DAYS));

        assertThat(rates.findLatestDateOnOrBefore(RateSource.ECB, LocalDate.of(2017, 3, 5)))
                .contains(LocalDate.of(2017, 3, 3));
        assertThat(rates.findLatestDateOnOrBefore(RateSource.ECB, LocalDate.of(2016, 12, 25)))
                .contains(LocalDate.of(2016, 12, 23));
        assertThat(rates.findFirstDate(RateSource.ECB))
                .get()
                .matches(first -> !first.isAfter(LocalDate.of(2016, 12, 5)));
        assertThat(rates.existsBySourceAndCurrencyCode(RateSource.ECB, "RUB")).isTrue();
    }

    @Test
    void readsASeriesOldestFirst() {
        store.save(RateSource.ECB, RateFiles.ecb(RateFiles.ECB_90_DAYS));

        List<ExchangeRate> series = rates.findBySourceAndCurrencyCodeInAndRateDateBetweenOrderByRateDate(
                RateSource.ECB, List.of("USD", "RUB"), LocalDate.of(2017, 2, 27), LocalDate.of(2017, 3, 3));

        assertThat(series)
                .hasSize(10)
                .isSortedAccordingTo((a, b) -> a.rateDate().compareTo(b.rateDate()));
        assertThat(series.get(series.size() - 1).value()).isIn(new BigDecimal("1.0565"), new BigDecimal("62.0628"));
    }

    @Test
    void theBundledSnapshotIsTheBanksFilesDigitForDigit() {
        // on the test transaction's connection, so that the rows go away with it
        ScriptUtils.executeSqlScript(
                DataSourceUtils.getConnection(dataSource), new ClassPathResource("db/demo/V20__currency_snapshot.sql"));

        assertThat(RateFiles.stored(jdbc, RateSource.CBR, LocalDate.of(2023, 11, 2)))
                .isEqualTo(RateFiles.published(RateFiles.cbr(RateFiles.CBR_2023)));
        assertThat(RateFiles.stored(jdbc, RateSource.ECB, LocalDate.of(2025, 5, 9)))
                .isEqualTo(RateFiles.published(
                        RateFiles.ecb(RateFiles.ECB_DAILY_2025).get(0)));
    }

    /**
     * With sequential scans priced out, each lookup the API makes must find an index to use (which one
     * depends on the table's statistics; on a real volume the series index serves the currency ones).
     */
    @Test
    void everyLookupHasAnIndex() {
        jdbc.sql("set local enable_seqscan = off").update();

        assertThat(plan("select max(rate_date) from exchange_rate where source = 'CBR' and rate_date <= '2023-11-05'"))
                .contains("Index")
                .doesNotContain("Seq Scan");
        assertThat(plan("select * from exchange_rate where source = 'CBR' and rate_date = '2023-11-02'"))
                .contains("Index")
                .doesNotContain("Seq Scan");
        assertThat(plan("select * from exchange_rate where source = 'ECB' and currency_code in ('USD', 'RUB')"
                        + " and rate_date between '2017-01-01' and '2017-03-03' order by rate_date"))
                .contains("Index")
                .doesNotContain("Seq Scan");
        assertThat(plan("select 1 from exchange_rate where source = 'ECB' and currency_code = 'RUB' limit 1"))
                .contains("Index")
                .doesNotContain("Seq Scan");
    }

    private String plan(String sql) {
        return String.join("\n", jdbc.sql("explain " + sql).query(String.class).list());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
