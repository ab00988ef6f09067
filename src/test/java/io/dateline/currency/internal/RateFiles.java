package io.dateline.currency.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real bank files under src/test/resources/rates, as bytes and parsed, and the one way tests
 * compare a file with what the store holds: currency code to "nominal value".
 */
final class RateFiles {

    static final String CBR_2002 = "cbr/cbr-daily-2002-09-21.utf8-resaved.xml";

    static final String CBR_2016 = "cbr/cbr-daily-2016-10-26.xml";

    static final String CBR_2020_04 = "cbr/cbr-daily-2020-04-25.xml";

    static final String CBR_2020_11 = "cbr/cbr-daily-2020-11-28.xml";

    static final String CBR_2021_01 = "cbr/cbr-daily-2021-01-29.xml";

    static final String CBR_2021_05 = "cbr/cbr-daily-2021-05-22.xml";

    static final String CBR_2022 = "cbr/cbr-daily-2022-03-15.xml";

    static final String CBR_2023 = "cbr/cbr-daily-2023-11-02.xml";

    static final List<String> CBR_ALL =
            List.of(CBR_2002, CBR_2016, CBR_2020_04, CBR_2020_11, CBR_2021_01, CBR_2021_05, CBR_2022, CBR_2023);

    static final String ECB_DAILY_2025 = "ecb/eurofxref-daily-2025-05-09.xml";

    static final String ECB_DAILY_2017 = "ecb/eurofxref-daily-2017-03-08.xml";

    static final String ECB_90_DAYS = "ecb/eurofxref-hist-90d-2017-03.xml";

    private RateFiles() {}

    static byte[] bytes(String file) {
        try (InputStream in = RateFiles.class.getResourceAsStream("/rates/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource rates/" + file);
            }
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static PublishedRates cbr(String file) {
        return CbrDailyParser.parse(new ByteArrayInputStream(bytes(file)));
    }

    static List<PublishedRates> ecb(String file) {
        return EcbRatesParser.parse(new ByteArrayInputStream(bytes(file)));
    }

    static PublishedRate rate(PublishedRates day, String code) {
        return day.rates().stream()
                .filter(rate -> rate.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " is not in the rates of " + day.date()));
    }

    static Map<String, String> published(PublishedRates file) {
        return file.rates().stream()
                .collect(Collectors.toMap(
                        PublishedRate::code,
                        rate -> rate.nominal() + " " + rate.value().toPlainString()));
    }

    static Map<String, String> stored(JdbcClient jdbc, RateSource source, LocalDate date) {
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
}
