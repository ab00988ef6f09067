package io.dateline.currency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
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
        registry.add("dateline.jobs.heartbeat", () -> "200ms");
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
        // a test that failed midway must not leave its source busy for the next one
        jdbc.sql("update job set state = 'CANCELLED' where state in ('QUEUED', 'RUNNING')")
                .update();
    }

    @AfterAll
    static void stopTheStub() {
        BANKS.stop();
    }

    @Test
    void theAdminBackfillStoresTheBanksFiguresExactly() throws Exception {
        JsonNode report = backfill("cbr", "2023-11-02", "2023-11-05");

        assertThat(report.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(report.at("/progress/done").asInt()).isEqualTo(4);
        assertThat(report.at("/progress/total").asInt()).isEqualTo(4);
        assertThat(report.get("failures").isEmpty()).isTrue();
        assertThat(report.at("/rows/inserted").asInt()
                        + report.at("/rows/unchanged").asInt())
                .as("the weekend days answer with Thursday's file, stored once")
                .isEqualTo(43);
        assertThat(report.at("/rows/updated").asInt()).isZero();
        assertThat(RateFiles.stored(jdbc, RateSource.CBR, NOV_2))
                .isEqualTo(RateFiles.published(RateFiles.cbr(RateFiles.CBR_2023)));
        assertThat(RateFiles.stored(jdbc, RateSource.CBR, NOV_2.plusDays(1))).isEmpty();
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
            assertThat(RateFiles.stored(jdbc, RateSource.CBR, rates.date()))
                    .as(file)
                    .isEqualTo(RateFiles.published(rates));
        }
    }

    @Test
    void theEcbBackfillTakesTheHistoryFileAndKeepsTheRange() throws Exception {
        List<PublishedRates> days = RateFiles.ecb(RateFiles.ECB_90_DAYS);

        JsonNode all = backfill("ecb", "2016-12-01", "2017-03-03");
        JsonNode some = backfill("ecb", "2017-02-27", "2017-03-01");

        assertThat(all.get("failures").isEmpty()).isTrue();
        assertThat(storedDates(RateSource.ECB, "2016-12-01", "2017-03-03")).isEqualTo(64);
        assertThat(some.at("/rows/unchanged").asInt()).isEqualTo(3 * 31);
        assertThat(some.at("/rows/inserted").asInt()).isZero();
        for (PublishedRates day : days) {
            assertThat(RateFiles.stored(jdbc, RateSource.ECB, day.date()))
                    .as(day.date().toString())
                    .isEqualTo(RateFiles.published(day));
        }
        assertThat(BANKS.requests()).containsOnly(BankStub.ecbPath(EcbFile.HISTORY));
    }

    @Test
    void reImportingChangesNothing() throws Exception {
        backfill("cbr", "2016-10-26", "2016-10-26");
        String before = fingerprint(RateSource.CBR);

        JsonNode again = backfill("cbr", "2016-10-26", "2016-10-26");

        assertThat(again.at("/rows/inserted").asInt()).isZero();
        assertThat(again.at("/rows/updated").asInt()).isZero();
        assertThat(again.at("/rows/unchanged").asInt()).isEqualTo(33);
        assertThat(fingerprint(RateSource.CBR)).isEqualTo(before);
    }

    @Test
    void aBackfillIsAJobThatShowsItsProgressAsItGoes() throws Exception {
        serveDays(LocalDate.of(2019, 3, 4), 5, Duration.ofMillis(300));
        String location = start("cbr", "2019-03-04", "2019-03-08").getHeader("Location");

        JsonNode midway = await(
                location,
                job -> job.at("/progress/done").asInt() >= 2
                        && job.get("state").asString().equals("RUNNING"));
        JsonNode done = awaitEnd(location);

        assertThat(midway.get("kind").asString()).isEqualTo("currency-backfill");
        assertThat(midway.get("source").asString()).isEqualTo("currency:cbr");
        assertThat(midway.at("/parameters/from").asString()).isEqualTo("2019-03-04");
        assertThat(midway.at("/progress/total").asInt()).isEqualTo(5);
        assertThat(midway.at("/progress/done").asInt()).isLessThan(5);
        assertThat(midway.path("estimatedSecondsLeft").isNumber()).isTrue();
        assertThat(midway.path("startedAt").isString()).isTrue();
        assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/progress/done").asInt()).isEqualTo(5);
        assertThat(done.at("/progress/lastUnit").asString()).isEqualTo("2019-03-08");
        assertThat(done.at("/rows/inserted").asInt()).isEqualTo(5 * 43);
        assertThat(done.path("finishedAt").isString()).isTrue();
        assertThat(done.path("estimatedSecondsLeft").isNumber()).isFalse();
        assertThat(storedDates(RateSource.CBR, "2019-03-04", "2019-03-08")).isEqualTo(5);
    }

    @Test
    void aCancelledBackfillStopsBetweenDays() throws Exception {
        serveDays(LocalDate.of(2019, 4, 1), 6, Duration.ofMillis(300));
        String location = start("cbr", "2019-04-01", "2019-04-06").getHeader("Location");
        await(location, job -> job.at("/progress/done").asInt() >= 1);

        mvc.perform(post(location + "/cancel").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isAccepted());
        JsonNode cancelled = awaitEnd(location);

        assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
        int done = cancelled.at("/progress/done").asInt();
        assertThat(done).isBetween(1, 5);
        assertThat(storedDates(RateSource.CBR, "2019-04-01", "2019-04-06"))
                .as("every day recorded is stored whole, no other")
                .isEqualTo(done);
        mvc.perform(post(location + "/cancel").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/job-ended"));
        mvc.perform(post(location + "/resume").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/job-not-interrupted"));
    }

    @Test
    void oneBackfillPerSourceRunsAtATime() throws Exception {
        serveDays(LocalDate.of(2019, 5, 6), 3, Duration.ofMillis(400));
        String first = start("cbr", "2019-05-06", "2019-05-08").getHeader("Location");
        long firstId = Long.parseLong(first.substring(first.lastIndexOf('/') + 1));

        mvc.perform(post("/api/v1/admin/currency/imports")
                        .header("Authorization", "Bearer " + tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\": \"cbr\", \"from\": \"2019-06-03\", \"to\": \"2019-06-03\"}"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/job-already-running"))
                .andExpect(jsonPath("$.jobId").value(firstId));
        JsonNode ecb = backfill("ecb", "2017-02-27", "2017-03-01");

        assertThat(ecb.get("state").asString())
                .as("another source runs alongside")
                .isEqualTo("SUCCEEDED");
        assertThat(awaitEnd(first).get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(storedDates(RateSource.CBR, "2019-06-03", "2019-06-03")).isZero();
    }

    @Test
    void anInterruptedBackfillResumesAfterItsLastDayAndEndsWithTheSameRows() throws Exception {
        LocalDate from = LocalDate.of(2019, 7, 1);
        serveDays(from, 6, Duration.ZERO);
        assertThat(backfill("cbr", "2019-07-01", "2019-07-06").get("state").asString())
                .isEqualTo("SUCCEEDED");
        String uninterrupted = rows(RateSource.CBR, "2019-07-01", "2019-07-06");
        jdbc.sql("delete from exchange_rate where source = 'CBR' and rate_date between '2019-07-01' and '2019-07-06'")
                .update();
        BANKS.reset();
        serveDays(from, 6, Duration.ofMillis(300));
        String location = start("cbr", "2019-07-01", "2019-07-06").getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await(location, job -> job.at("/progress/done").asInt() >= 2);

        // The instance running it dies: nothing marks the job alive any more, and its unit in hand
        // is not recorded.
        jdbc.sql("update job set owner = 'an-instance-that-died', heartbeat_at = now() - interval '1 hour'"
                        + " where id = :id")
                .param("id", id)
                .update();
        await(location, job -> job.get("state").asString().equals("INTERRUPTED"));
        Thread.sleep(700);
        JsonNode interrupted = job(location);
        LocalDate lastDay = LocalDate.parse(interrupted.at("/progress/lastUnit").asString());
        int doneBefore = interrupted.at("/progress/done").asInt();
        assertThat(storedDates(RateSource.CBR, "2019-07-01", "2019-07-06")).isEqualTo(doneBefore);
        BANKS.reset();
        serveDays(from, 6, Duration.ZERO);

        mvc.perform(post(location + "/resume").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isAccepted());
        JsonNode resumed = awaitEnd(location);

        assertThat(doneBefore).isBetween(2, 5);
        assertThat(resumed.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(resumed.at("/progress/done").asInt()).isEqualTo(6);
        assertThat(resumed.at("/progress/total").asInt()).isEqualTo(6);
        assertThat(BANKS.requests())
                .as("only the days after the last one recorded")
                .hasSizeGreaterThanOrEqualTo(6 - doneBefore)
                .allSatisfy(path -> assertThat(LocalDate.parse(path.substring(path.indexOf('=') + 1), CBR_DATE))
                        .isAfter(lastDay));
        assertThat(rows(RateSource.CBR, "2019-07-01", "2019-07-06")).isEqualTo(uninterrupted);
    }

    @Test
    void aScheduledImportStopsBeforeItsNextDayWhenTheApplicationStops() {
        Thread.currentThread().interrupt();
        ImportReport report;
        try {
            report = importer.importLatest(RateSource.CBR);
        } finally {
            Thread.interrupted();
        }

        assertThat(BANKS.requests()).isEmpty();
        assertThat(report.dates()).isEmpty();
    }

    private static final DateTimeFormatter CBR_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** The 2023 sample file as the bank would date it on another day: 43 currencies. */
    private static byte[] cbrFileDated(LocalDate day) {
        return new String(RateFiles.bytes(RateFiles.CBR_2023), WINDOWS_1251)
                .replace(
                        "Date=\"02.11.2023\"", "Date=\"" + day.format(DateTimeFormatter.ofPattern("dd.MM.uuuu")) + "\"")
                .getBytes(WINDOWS_1251);
    }

    /** Each day's file, queued once per attempt so that a retry on a loaded machine gets it too. */
    private static void serveDays(LocalDate from, int days, Duration delay) {
        for (int i = 0; i < days; i++) {
            LocalDate day = from.plusDays(i);
            BankStub.Answer file = BankStub.Answer.slow(delay, cbrFileDated(day));
            BANKS.answer(BankStub.cbrPath(day), file, file, file);
        }
    }

    /** The stored rows of a range, without the time they were imported at. */
    private String rows(RateSource source, String from, String to) {
        return jdbc.sql(
                        "select count(*) || ':' || md5(string_agg(rate_date || currency_code || nominal || '/' || value,"
                                + " ',' order by rate_date, currency_code)) from exchange_rate where source = :source"
                                + " and rate_date between cast(:from as date) and cast(:to as date)")
                .param("source", source.name())
                .param("from", from)
                .param("to", to)
                .query(String.class)
                .single();
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

        assertThat(report.get("state").asString()).isEqualTo("FAILED");
        assertThat(report.get("failureCount").asInt()).isEqualTo(1);
        assertThat(report.at("/rows/inserted").asInt()
                        + report.at("/rows/unchanged").asInt())
                .isZero();
        assertThat(report.get("failures")).singleElement().satisfies(reported -> {
            assertThat(reported.get("unit").asString()).isEqualTo("2023-11-02");
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

        assertThat(report.get("failures")).singleElement().satisfies(reported -> {
            assertThat(reported.get("unit").asString()).isEqualTo("eurofxref-hist.xml");
            assertThat(reported.get("reason").asString()).contains("eurofxref-hist.xml is malformed");
        });
        assertThat(fingerprint(RateSource.ECB)).isEqualTo(before);
    }

    @Test
    void retriesAFailureThatPasses() throws Exception {
        BANKS.answer(BankStub.cbrPath(NOV_2), BankStub.Answer.status(503), BankStub.Answer.status(502));

        JsonNode report = backfill("cbr", "2023-11-02", "2023-11-02");

        assertThat(report.get("failures").isEmpty()).isTrue();
        assertThat(report.get("state").asString()).isEqualTo("SUCCEEDED");
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
        assertThat(RateFiles.stored(jdbc, RateSource.ECB, LocalDate.of(2025, 5, 9)))
                .isEqualTo(RateFiles.published(
                        RateFiles.ecb(RateFiles.ECB_DAILY_2025).get(0)));
    }

    /** Starts a backfill job and waits for it to end. */
    private JsonNode backfill(String source, String from, String to) throws Exception {
        return awaitEnd(start(source, from, to).getHeader("Location"));
    }

    private MockHttpServletResponse start(String source, String from, String to) throws Exception {
        return mvc.perform(post("/api/v1/admin/currency/imports")
                        .header("Authorization", "Bearer " + tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"source\": \"" + source + "\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", matchesPattern("/api/v1/admin/currency/imports/\\d+")))
                .andReturn()
                .getResponse();
    }

    private JsonNode job(String location) throws Exception {
        return json.readTree(mvc.perform(get(location).header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private JsonNode awaitEnd(String location) throws Exception {
        return await(
                location,
                job -> !List.of("QUEUED", "RUNNING").contains(job.get("state").asString()));
    }

    private JsonNode await(String location, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode job = job(location);
            if (condition.test(job)) {
                return job;
            }
            assertThat(System.nanoTime())
                    .as("waiting for " + location + ": " + job)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long storedDates(RateSource source, String from, String to) {
        return jdbc.sql("select count(distinct rate_date) from exchange_rate where source = :source"
                        + " and rate_date between cast(:from as date) and cast(:to as date)")
                .param("source", source.name())
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
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
}
