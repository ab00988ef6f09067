package io.dateline.currency.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The read API and the admin endpoint's guards, on rates from the real sample files. The files are
 * stored before each test (idempotently), so the tests do not depend on each other or on order.
 */
@IntegrationTest
class CurrencyApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    RateStore store;

    @BeforeEach
    void storeTheSampleFiles() {
        store.save(RateSource.CBR, List.of(RateFiles.cbr(RateFiles.CBR_2016), RateFiles.cbr(RateFiles.CBR_2023)));
        store.save(RateSource.ECB, RateFiles.ecb(RateFiles.ECB_90_DAYS));
        store.save(RateSource.ECB, RateFiles.ecb(RateFiles.ECB_DAILY_2025));
    }

    @Test
    void convertsAtTheBanksRate() throws Exception {
        mvc.perform(get("/api/v1/currency/convert?from=USD&to=RUB&amount=100&date=2023-11-02"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"from": "USD", "to": "RUB", "amount": 100, "result": 9328.01, "rate": 93.2801,
                         "rateDate": "2023-11-02", "source": "cbr"}
                        """))
                .andExpect(content().string(containsString("\"result\":9328.01,\"rate\":93.2801,")));
    }

    @Test
    void honoursTheNominal() throws Exception {
        mvc.perform(get("/api/v1/currency/convert?from=AMD&to=RUB&amount=1000&date=2023-11-02"))
                .andExpect(content().string(containsString("\"result\":231.82,\"rate\":0.231815,")));
        mvc.perform(get("/api/v1/currency/convert?from=UZS&to=RUB&amount=1000&date=2016-10-26"))
                .andExpect(content().string(containsString("\"result\":20.09,\"rate\":0.0200933,")));
    }

    @Test
    void crossesThroughTheSourcesBase() throws Exception {
        mvc.perform(get("/api/v1/currency/convert?from=USD&to=EUR&amount=100&date=2023-11-02&source=cbr"))
                .andExpect(content().string(containsString("\"result\":94.76,\"rate\":0.9476169917,")));
        mvc.perform(get("/api/v1/currency/convert?from=USD&to=JPY&amount=100&date=2025-05-09"))
                .andExpect(jsonPath("$.source").value("ecb"))
                .andExpect(content().string(containsString("\"result\":14518,\"rate\":145.1830786,")));
    }

    @Test
    void choosesTheSourceByTheCurrencies() throws Exception {
        mvc.perform(get("/api/v1/currency/convert?from=EUR&to=USD&amount=100&date=2025-05-09"))
                .andExpect(jsonPath("$.source").value("ecb"))
                .andExpect(content().string(containsString("\"result\":112.52,\"rate\":1.12520,")));
        mvc.perform(get("/api/v1/currency/convert?from=EUR&to=RUB&amount=100&date=2017-03-03"))
                .andExpect(jsonPath("$.source").value("cbr"));
        mvc.perform(get("/api/v1/currency/convert?from=EUR&to=RUB&amount=100&date=2017-03-03&source=ecb"))
                .andExpect(jsonPath("$.source").value("ecb"))
                .andExpect(content().string(containsString("\"result\":6206.28,")));
        // the ECB has no dram: the CBR, which quotes both, answers
        mvc.perform(get("/api/v1/currency/convert?from=USD&to=AMD&amount=1&date=2023-11-02"))
                .andExpect(jsonPath("$.source").value("cbr"))
                .andExpect(jsonPath("$.rateDate").value("2023-11-02"));
    }

    @Test
    void fallsBackToTheLatestEarlierDayAndNamesIt() throws Exception {
        mvc.perform(get("/api/v1/currency/convert?from=EUR&to=USD&amount=100&date=2017-03-05"))
                .andExpect(jsonPath("$.rateDate").value("2017-03-03"))
                .andExpect(content().string(containsString("\"result\":105.65,\"rate\":1.05650,")));
        mvc.perform(get("/api/v1/currency/convert?from=USD&to=RUB&amount=1&date=2023-11-05"))
                .andExpect(jsonPath("$.rateDate").value("2023-11-02"));
        mvc.perform(get("/api/v1/currency/rates?source=ecb&date=2016-12-25"))
                .andExpect(jsonPath("$.date").value("2016-12-23"));
    }

    @Test
    void givesTheRateTableWithTheBanksOwnFigures() throws Exception {
        mvc.perform(get("/api/v1/currency/rates?source=cbr&date=2023-11-02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("cbr"))
                .andExpect(jsonPath("$.base").value("RUB"))
                .andExpect(jsonPath("$.items.length()").value(43))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "{\"code\":\"AMD\",\"rate\":4.313784699,\"inverseRate\":0.231815,\"nominal\":100,\"value\":23.1815}")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "{\"code\":\"AUD\",\"rate\":0.0169305003,\"inverseRate\":59.0650,\"nominal\":1,\"value\":59.0650}")));
    }

    @Test
    void rebasesTheTableOnRequest() throws Exception {
        mvc.perform(get("/api/v1/currency/rates?source=cbr&date=2023-11-02&base=usd"))
                .andExpect(jsonPath("$.base").value("USD"))
                .andExpect(jsonPath("$.items.length()").value(43))
                .andExpect(jsonPath("$.items[?(@.code == 'USD')]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.code == 'EUR')].nominal").isEmpty())
                .andExpect(content()
                        .string(containsString("{\"code\":\"EUR\",\"rate\":0.9476169917,\"inverseRate\":1.055278671}")))
                .andExpect(content()
                        .string(containsString("{\"code\":\"RUB\",\"rate\":93.2801,\"inverseRate\":0.01072040017}")));
        mvc.perform(get("/api/v1/currency/rates?date=2025-05-09"))
                .andExpect(jsonPath("$.source").value("ecb"))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "{\"code\":\"GBP\",\"rate\":0.847700,\"inverseRate\":1.179662616,\"nominal\":1,\"value\":0.84770}")));
    }

    @Test
    void givesAHistoryForAChart() throws Exception {
        mvc.perform(get("/api/v1/currency/rates/USD/history?from=2017-02-27&to=2017-03-03"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("ecb"))
                .andExpect(jsonPath("$.base").value("EUR"))
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.items[0].date").value("2017-02-27"))
                .andExpect(jsonPath("$.items[4].date").value("2017-03-03"))
                .andExpect(content()
                        .string(containsString(
                                "{\"date\":\"2017-03-03\",\"rate\":1.05650,\"inverseRate\":0.9465215334}")));
        mvc.perform(get("/api/v1/currency/rates/USD/history?from=2023-11-01&to=2023-11-30&base=RUB"))
                .andExpect(jsonPath("$.source").value("cbr"))
                .andExpect(content()
                        .string(containsString(
                                "{\"date\":\"2023-11-02\",\"rate\":0.01072040017,\"inverseRate\":93.2801}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/currency/convert?from=XYZ&to=RUB&amount=1                         | 404 | unknown-currency
            /api/v1/currency/convert?from=USD&to=QQX&amount=1                         | 404 | unknown-currency
            /api/v1/currency/convert?from=US&to=RUB&amount=1                          | 400 | invalid-currency-code
            /api/v1/currency/convert?from=USD&to=RUB&amount=0                         | 400 | validation
            /api/v1/currency/convert?from=USD&to=RUB&amount=-5                        | 400 | validation
            /api/v1/currency/convert?from=USD&to=RUB&amount=1000000000000001          | 400 | validation
            /api/v1/currency/convert?from=USD&to=RUB&amount=1e16                      | 400 | validation
            /api/v1/currency/convert?from=USD&to=RUB&amount=0.00000000001             | 400 | validation
            /api/v1/currency/convert?from=USD&to=RUB&amount=abc                       | 400 | invalid-parameter
            /api/v1/currency/convert?from=USD&to=RUB&amount=NaN                       | 400 | invalid-parameter
            /api/v1/currency/convert?from=USD&to=RUB&amount=Infinity                  | 400 | invalid-parameter
            /api/v1/currency/convert?from=USD&to=RUB                                  | 400 | invalid-parameter
            /api/v1/currency/convert?from=USD&to=RUB&amount=1&date=2999-01-01         | 400 | date-in-future
            /api/v1/currency/convert?from=USD&to=RUB&amount=1&date=2023-02-30         | 400 | invalid-parameter
            /api/v1/currency/convert?from=USD&to=RUB&amount=1&date=1990-01-01         | 404 | no-rates-before
            /api/v1/currency/convert?from=USD&to=RUB&amount=1&source=fed              | 400 | unknown-rate-source
            /api/v1/currency/convert?from=USD&to=AMD&amount=1&source=ecb&date=2017-03-03 | 404 | rate-not-available
            /api/v1/currency/rates?base=XYZ                                           | 404 | unknown-currency
            /api/v1/currency/rates?source=ecb&date=2017-03-03&base=AMD                | 404 | rate-not-available
            /api/v1/currency/rates?date=tomorrow                                      | 400 | invalid-parameter
            /api/v1/currency/rates/ZZZ/history                                        | 404 | unknown-currency
            /api/v1/currency/rates/USD/history?from=2010-01-01&to=2017-01-01          | 400 | invalid-date-range
            /api/v1/currency/rates/USD/history?from=2017-03-03&to=2017-01-01          | 400 | invalid-date-range
            /api/v1/currency/rates/USD/history?to=2999-01-01                          | 400 | date-in-future
            /api/v1/currency/rates/USD/history?from=1980-01-01&to=1980-12-31&source=cbr | 404 | no-rates-before
            /api/v1/currency/rates/AMD/history?source=ecb&from=2017-01-01&to=2017-03-03 | 404 | rate-not-available
            """)
    void answersBadInputWithAProblem(String url, int status, String type) throws Exception {
        mvc.perform(get(url))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/" + type));
    }

    @Test
    void namesTheUnknownCurrency() throws Exception {
        mvc.perform(get("/api/v1/currency/convert?from=usd&to=xyz&amount=1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("XYZ"))
                .andExpect(jsonPath("$.detail").value("No currency has the code XYZ."));
    }

    @Test
    void neverAnswersWithA500() throws Exception {
        List<String> queries = List.of(
                "from=&to=&amount=",
                "from=%00%00%00&to=RUB&amount=1",
                "from=USD&to=RUB&amount=1e999999999",
                "from=USD&to=RUB&amount=-0",
                "from=USD&to=RUB&amount=1&amount=2",
                "from=USD&to=RUB&amount=1&date=0000-01-01",
                "from=USD&to=RUB&amount=1&date=-999999999-01-01",
                "from=" + "A".repeat(5000) + "&to=RUB&amount=1",
                "from=USD&to=RUB&amount=" + "9".repeat(5000),
                "from=XDR&to=XAU&amount=1&source=cbr",
                "from=RUB&to=RUB&amount=1",
                "from=EUR&to=EUR&amount=1&source=cbr&date=2002-01-01");
        for (String query : queries) {
            mvc.perform(get("/api/v1/currency/convert?" + query)).andExpect(status().is(lessThan(500)));
        }
        for (String query : List.of("base=", "source=", "date=", "base=%F0%9F%92%B6", "source=ECB&base=rub")) {
            mvc.perform(get("/api/v1/currency/rates?" + query)).andExpect(status().is(lessThan(500)));
        }
        for (String path : List.of("RUB", "EUR", "XAU", "%20USD", "usd?base=usd", "usd?from=2000-01-01")) {
            mvc.perform(get("/api/v1/currency/rates/" + path + "/history")).andExpect(status().is(lessThan(500)));
        }
    }

    @Test
    void listsTheCurrencies() throws Exception {
        mvc.perform(get("/api/v1/currencies"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.code == 'USD')].numericCode").value(hasItem("840")))
                .andExpect(jsonPath("$.items[?(@.code == 'USD')].nameEn").value(hasItem("US Dollar")))
                .andExpect(jsonPath("$.items[?(@.code == 'USD')].nameRu").value(hasItem("Доллар США")))
                .andExpect(jsonPath("$.items[?(@.code == 'JPY')].minorUnits").value(hasItem(0)))
                .andExpect(jsonPath("$.items[?(@.code == 'BYR')].numericCode").value(hasItem("974")))
                .andExpect(jsonPath("$.items[?(@.code == 'XDR')].minorUnits").isEmpty());
    }

    @Test
    void readsAreCacheableAndRevalidate() throws Exception {
        for (String url : List.of(
                "/api/v1/currencies",
                "/api/v1/currency/rates?source=cbr&date=2023-11-02",
                "/api/v1/currency/convert?from=USD&to=RUB&amount=100&date=2023-11-02",
                "/api/v1/currency/rates/USD/history?from=2017-02-27&to=2017-03-03")) {
            String etag = mvc.perform(get(url))
                    .andExpect(header().string(
                                    "Cache-Control",
                                    matchesPattern(
                                            "max-age=\\d+, public, stale-while-revalidate=30, stale-if-error=300")))
                    .andExpect(header().exists("ETag"))
                    .andReturn()
                    .getResponse()
                    .getHeader("ETag");

            mvc.perform(get(url).header("If-None-Match", etag))
                    .andExpect(status().isNotModified())
                    .andExpect(header().string("ETag", etag))
                    .andExpect(content().string(""));
        }
    }

    @Test
    void theBackfillIsForAdminsOnly() throws Exception {
        String body = "{\"source\": \"cbr\", \"from\": \"2023-11-02\", \"to\": \"2023-11-02\"}";

        mvc.perform(post("/api/v1/admin/currency/imports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/admin/currency/imports")
                        .header("Authorization", "Bearer " + tokens.editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"source": "fed", "from": "2023-11-02", "to": "2023-11-02"} | validation
            {"source": "cbr", "to": "2023-11-02"}                       | validation
            {"source": "cbr", "from": "2023-11-03", "to": "2023-11-02"} | invalid-date-range
            {"source": "cbr", "from": "2022-01-01", "to": "2023-11-02"} | invalid-date-range
            {"source": "ecb", "from": "2023-11-02", "to": "2999-01-01"} | date-in-future
            {"source": "cbr", "from": "2023-11-02", "to": "2023-11-02", "force": true} | unknown-property
            """)
    void theBackfillRefusesABadRangeBeforeDownloadingAnything(String body, String type) throws Exception {
        mvc.perform(post("/api/v1/admin/currency/imports")
                        .header("Authorization", "Bearer " + tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/" + type));
    }

    @Test
    void reportsStaleRatesWithoutGoingDown() throws Exception {
        mvc.perform(get("/actuator/health").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(jsonPath("$.components.currencyRates.status").value("UP"))
                .andExpect(jsonPath("$.components.currencyRates.details.cbr.latestRateDate")
                        .value(matchesPattern("\\d{4}-\\d{2}-\\d{2}")))
                .andExpect(
                        jsonPath("$.components.currencyRates.details.ecb.stale").value(true));
        mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(jsonPath("$.components.currencyRates").doesNotExist());
    }

    @Test
    void everyEndpointIsInTheOpenApiDescription() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/currencies'].get.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/currency/rates'].get.parameters[*].name", hasItem("base")))
                .andExpect(jsonPath("$.paths['/api/v1/currency/convert'].get.responses['404']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/currency/rates/{code}/history'].get.description")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/admin/currency/imports'].post.responses['400']")
                        .exists());
    }
}
