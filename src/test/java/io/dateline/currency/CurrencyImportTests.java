package io.dateline.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports end to end against both banks served from 127.0.0.1 (the real sample files): the admin
 * backfill stores exactly the banks' figures, re-running changes nothing, and every kind of failed
 * download leaves the stored rates as they were. This is the one test class with a context of its own,
 * because the banks' base URLs and the client's timeouts are configuration.
 */
@IntegrationTest
class CurrencyImportTests {

    static final BankStub BANKS = BankStub.start();

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private static final LocalDate NOV_2 = LocalDate.of(2023, 11, 2);

    @DynamicPropertySource
    static void pointTheImportersAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("dateline.currency.cbr.base-url", () -> BANKS.url("/cbr"));
        registry.add("dateline.currency.ecb.base-url", () -> BANKS.url("/ecb/"));
        registry.add("dateline.currency.import.enabled", () -> "false");
        registry.add("dateline.currency.import.connect-timeout", () -> "1s");
        registry.add("dateline.currency.import.read-timeout", () -> "700ms");
        registry.add("dateline.currency.import.attempts", () -> "3");
        registry.add("dateline.currency.import.backoff", () -> "10ms");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CurrencyImporter importer;

    @Autowired
    ImportStatuses statuses;

    @AfterEach
    void resetTheStub() {
        BANKS.reset();
    }

    @AfterAll
    static void stopTheStub() {
        BANKS.stop();
    }

    @Test
    void theAdminBackfillStoresTheBanksFiguresExactly() throws Exception {
        JsonNode report = backfill("cbr", "2023-11-02", "2023-11-05");

        assertThat(report.get("dates").toString()).isEqualTo("[\"2023-11-02\"]");
        assertThat(report.get("failures").isEmpty()).isTrue();
        assertThat(report.get("inserted").asInt() + report.get("unchanged").asInt())
                .isEqualTo(43);
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(stored(RateSource.CBR, NOV_2)).isEqualTo(published(RateFiles.cbr(RateFiles.CBR_2023)));
        assertThat(stored(RateSource.CBR, NOV_2.plusDays(1))).isEmpty();
        assertThat(BANKS.requests())
                .containsExactly(
                        BankStub.cbrPath(NOV_2),
                        BankStub.cbrPath(NOV_2.plusDays(1)),
                        BankStub.cbrPath(NOV_2.plusDays(2)),
                        BankStub.cbrPath(NOV_2.plusDays(3)));
    }

    @Test
    void everyCbrSampleFileIsImportedExactly() throws Exception {
        for (String file : RateFiles.CBR_ALL) {
            PublishedRates rates = RateFiles.cbr(file);

            JsonNode report =
                    backfill("cbr", rates.date().toString(), rates.date().toString());

            assertThat(report.get("failures").isEmpty()).as(file).isTrue();
            assertThat(stored(RateSource.CBR, rates.date())).as(file).isEqualTo(published(rates));
        }
    }

    @Test
    void theEcbBackfillTakesTheHistoryFileAndKeepsTheRange() throws Exception {
        List<PublishedRates> days = RateFiles.ecb(RateFiles.ECB_90_DAYS);

        JsonNode all = backfill("ecb", "2016-12-01", "2017-03-03");
        JsonNode some = backfill("ecb", "2017-02-27", "2017-03-01");

        assertThat(all.get("dates")).hasSize(64);
        assertThat(all.get("failures").isEmpty()).isTrue();
        assertThat(some.get("dates").toString()).isEqualTo("[\"2017-02-27\",\"2017-02-28\",\"2017-03-01\"]");
        assertThat(some.get("unchanged").asInt()).isEqualTo(3 * 31);
        for (PublishedRates day : days) {
            assertThat(stored(RateSource.ECB, day.date()))
                    .as(day.date().toString())
                    .isEqualTo(published(day));
        }
        assertThat(BANKS.requests()).containsOnly(BankStub.ecbPath(EcbFile.HISTORY));
    }

    @Test
    void reImportingChangesNothing() throws Exception {
        backfill("cbr", "2016-10-26", "2016-10-26");
        String before = fingerprint(RateSource.CBR);

        JsonNode again = backfill("cbr", "2016-10-26", "2016-10-26");

        assertThat(again.get("inserted").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(33);
        assertThat(fingerprint(RateSource.CBR)).isEqualTo(before);
    }

    enum Failure {
        SERVER_ERROR(3, "HTTP 500"),
        NOT_FOUND(1, "HTTP 404"),
        TIMEOUT(3, "timed out"),
        TRUNCATED_XML(1, "malformed"),
        WRONG_ENCODING(1, "malformed"),
        EMPTY_VALCURS(1, "lists no currency");

        final int requests;

        final String reason;

        Failure(int requests, String reason) {
            this.requests = requests;
            this.reason = reason;
        }

        BankStub.Answer answer() {
            byte[] file = RateFiles.bytes(RateFiles.CBR_2023);
            return switch (this) {
                case SERVER_ERROR -> BankStub.Answer.status(500);
                case NOT_FOUND -> BankStub.Answer.status(404);
                case TIMEOUT -> BankStub.Answer.slow(Duration.ofMillis(2500), file);
                case TRUNCATED_XML -> BankStub.Answer.cbr(Arrays.copyOf(file, file.length / 2));
                case WRONG_ENCODING ->
                    BankStub.Answer.cbr(new String(file, WINDOWS_1251)
                            .replace("encoding=\"windows-1251\"", "encoding=\"UTF-8\"")
                            .getBytes(WINDOWS_1251));
                case EMPTY_VALCURS -> BankStub.Answer.cbr(BankStub.emptyValCurs(NOV_2));
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void aFailedDownloadChangesNothingAndIsReported(Failure failure) throws Exception {
        backfill("cbr", "2023-11-02", "2023-11-02");
        String before = fingerprint(RateSource.CBR);
        double failures = importRuns("cbr", "failure");
        BANKS.reset();
        BankStub.Answer answer = failure.answer();
        BANKS.answer(BankStub.cbrPath(NOV_2), answer, answer, answer);

        JsonNode report = backfill("cbr", "2023-11-02", "2023-11-02");

        assertThat(report.get("dates").isEmpty()).isTrue();
        assertThat(report.get("failures")).singleElement().satisfies(reported -> {
            assertThat(reported.get("date").asString()).isEqualTo("2023-11-02");
            assertThat(reported.get("reason").asString()).contains(failure.reason);
        });
        assertThat(fingerprint(RateSource.CBR)).isEqualTo(before);
        assertThat(BANKS.requests()).hasSize(failure.requests);
        assertThat(importRuns("cbr", "failure")).isEqualTo(failures + 1);
        assertThat(statuses.find(RateSource.CBR)).get().satisfies(status -> {
            assertThat(status.lastOutcome()).isEqualTo("FAILURE");
            assertThat(status.lastFailure()).contains(failure.reason);
        });
    }

    @Test
    void aMalformedEcbFileChangesNothing() throws Exception {
        backfill("ecb", "2017-02-27", "2017-03-03");
        String before = fingerprint(RateSource.ECB);
        byte[] history = RateFiles.bytes(RateFiles.ECB_90_DAYS);
        BANKS.answer(
                BankStub.ecbPath(EcbFile.HISTORY),
                BankStub.Answer.ok(Arrays.copyOf(history, history.length - 100), "text/xml"));

        JsonNode report = backfill("ecb", "2017-02-27", "2017-03-03");

        assertThat(report.get("failures"))
                .singleElement()
                .satisfies(reported ->
                        assertThat(reported.get("reason").asString()).contains("eurofxref-hist.xml is malformed"));
        assertThat(fingerprint(RateSource.ECB)).isEqualTo(before);
    }

    @Test
    void retriesAFailureThatPasses() throws Exception {
        BANKS.answer(BankStub.cbrPath(NOV_2), BankStub.Answer.status(503), BankStub.Answer.status(502));

        JsonNode report = backfill("cbr", "2023-11-02", "2023-11-02");

        assertThat(report.get("failures").isEmpty()).isTrue();
        assertThat(report.get("dates").toString()).isEqualTo("[\"2023-11-02\"]");
        assertThat(BANKS.requests()).hasSize(3);
        assertThat(statuses.find(RateSource.CBR))
                .get()
                .extracting(ImportStatus::lastOutcome)
                .isEqualTo("SUCCESS");
    }

    @Test
    void theDailyRunAsksTheCbrForTodayAndTomorrow() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));

        ImportReport report = importer.importLatest(RateSource.CBR);

        assertThat(report.failures()).isEmpty();
        assertThat(BANKS.requests()).contains(BankStub.cbrPath(today), BankStub.cbrPath(today.plusDays(1)));
        assertThat(report.dates()).isNotEmpty();
    }

    @Test
    void theDailyRunReadsTheEcbDailyFile() {
        ImportReport report = importer.importLatest(RateSource.ECB);

        assertThat(report.failures()).isEmpty();
        assertThat(report.dates()).contains(LocalDate.of(2025, 5, 9));
        assertThat(BANKS.requests()).first().isEqualTo(BankStub.ecbPath(EcbFile.DAILY));
        assertThat(stored(RateSource.ECB, LocalDate.of(2025, 5, 9)))
                .isEqualTo(published(RateFiles.ecb(RateFiles.ECB_DAILY_2025).get(0)));
    }

    private JsonNode backfill(String source, String from, String to) throws Exception {
        String body = mvc.perform(post("/api/v1/admin/currency/imports")
                        .header("Authorization", "Bearer " + tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"source\": \"" + source + "\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private double importRuns(String source, String outcome) {
        var counter = meters.find("dateline.currency.imports")
                .tags("source", source, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every stored row of the source, imported_at included. */
    private String fingerprint(RateSource source) {
        return jdbc.sql("select count(*) || ':' || md5(string_agg(rate_date || currency_code || nominal || '/' || value"
                        + " || imported_at, ',' order by rate_date, currency_code))"
                        + " from exchange_rate where source = :source")
                .param("source", source.name())
                .query(String.class)
                .single();
    }

    private Map<String, String> stored(RateSource source, LocalDate date) {
        return jdbc
                .sql(
                        "select currency_code, nominal, value from exchange_rate where source = :source and rate_date = :date")
                .param("source", source.name())
                .param("date", date)
                .query((rs, row) -> Map.entry(
                        rs.getString(1),
                        rs.getInt(2) + " " + rs.getBigDecimal(3).toPlainString()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, String> published(PublishedRates file) {
        return file.rates().stream()
                .collect(Collectors.toMap(
                        PublishedRate::code,
                        rate -> rate.nominal() + " " + rate.value().toPlainString()));
    }
}
