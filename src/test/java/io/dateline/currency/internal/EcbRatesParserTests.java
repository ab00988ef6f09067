package io.dateline.currency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcbRatesParserTests {

    @Test
    void readsTheDailyFileOf2025() {
        List<PublishedRates> days = RateFiles.ecb(RateFiles.ECB_DAILY_2025);

        assertThat(days).singleElement().satisfies(day -> {
            assertThat(day.source()).isEqualTo(RateSource.ECB);
            assertThat(day.date()).isEqualTo(LocalDate.of(2025, 5, 9));
            assertThat(day.rates())
                    .hasSize(30)
                    .allSatisfy(rate -> assertThat(rate.nominal()).isEqualTo(1));
            assertThat(day.rates().get(0)).isEqualTo(new PublishedRate("USD", 1, dec("1.1252"), null, null));
            assertThat(RateFiles.rate(day, "JPY").value()).isEqualTo(dec("163.36"));
            assertThat(RateFiles.rate(day, "GBP").value()).hasToString("0.84770");
            assertThat(RateFiles.rate(day, "IDR").value()).isEqualTo(dec("18606.59"));
            assertThat(RateFiles.rate(day, "ZAR").value()).isEqualTo(dec("20.4835"));
            assertThat(day.rates()).extracting(PublishedRate::code).doesNotContain("RUB", "HRK", "EUR");
        });
    }

    @Test
    void readsTheDailyFileOf2017WithRoublesAndKunas() {
        PublishedRates day = RateFiles.ecb(RateFiles.ECB_DAILY_2017).get(0);

        assertThat(day.date()).isEqualTo(LocalDate.of(2017, 3, 8));
        assertThat(day.rates()).hasSize(31);
        assertThat(RateFiles.rate(day, "RUB").value()).isEqualTo(dec("61.7573"));
        assertThat(RateFiles.rate(day, "HRK").value()).isEqualTo(dec("7.4213"));
        assertThat(RateFiles.rate(day, "IDR").value()).hasToString("14144.80");
    }

    @Test
    void readsTheNinetyDayHistoryOldestFirst() {
        List<PublishedRates> days = RateFiles.ecb(RateFiles.ECB_90_DAYS);

        assertThat(days).hasSize(64);
        assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2016, 12, 5));
        assertThat(days.get(63).date()).isEqualTo(LocalDate.of(2017, 3, 3));
        assertThat(days).isSortedAccordingTo((a, b) -> a.date().compareTo(b.date()));
        assertThat(RateFiles.rate(days.get(0), "USD").value()).isEqualTo(dec("1.0702"));
        assertThat(RateFiles.rate(days.get(0), "GBP").value()).isEqualTo(dec("0.84168"));
        assertThat(RateFiles.rate(days.get(0), "RON").value()).hasToString("4.501");
        assertThat(RateFiles.rate(days.get(63), "USD").value()).isEqualTo(dec("1.0565"));
        assertThat(RateFiles.rate(days.get(63), "RUB").value()).isEqualTo(dec("62.0628"));
        assertThat(RateFiles.rate(days.get(63), "BRL").value()).hasToString("3.308");
        assertThat(days).allSatisfy(day -> assertThat(day.rates()).hasSize(31));
    }

    @Test
    void matchesElementsByNamespaceNotByPrefix() {
        String renamed = text(RateFiles.ECB_DAILY_2025)
                .replace("xmlns:gesmes=", "xmlns:g=")
                .replace("gesmes:", "g:")
                .replace("xmlns=\"http://www.ecb.int", "xmlns:x=\"http://www.ecb.int")
                .replace("<Cube", "<x:Cube")
                .replace("</Cube", "</x:Cube");
        String foreign = text(RateFiles.ECB_DAILY_2025).replace("2002-08-01/eurofxref", "2002-08-01/other");

        assertThat(parse(renamed).get(0).rates()).hasSize(30);
        assertThatThrownBy(() -> parse(foreign))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("no day");
    }

    @Test
    void rejectsMalformedFiles() {
        byte[] history = RateFiles.bytes(RateFiles.ECB_90_DAYS);
        String daily = text(RateFiles.ECB_DAILY_2025);

        assertThatThrownBy(() ->
                        EcbRatesParser.parse(new ByteArrayInputStream(Arrays.copyOf(history, history.length / 3))))
                .isInstanceOf(MalformedRatesException.class);
        assertThatThrownBy(() -> parse(daily.replace("rate='1.1252'", "rate='1,1252'")))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("USD");
        assertThatThrownBy(() -> parse(daily.replace("currency='JPY'", "currency='USD'")))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> parse(daily.replace("time='2025-05-09'", "time='09.05.2025'")))
                .isInstanceOf(MalformedRatesException.class);
        assertThatThrownBy(() -> parse(daily.replaceAll("<Cube currency='[A-Z]+' rate='[0-9.]+'/>", "")))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("lists no currency");
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><ValCurs Date=\"02.11.2023\"/>"))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("gesmes:Envelope");
    }

    private static String text(String file) {
        return new String(RateFiles.bytes(file), StandardCharsets.UTF_8);
    }

    private static List<PublishedRates> parse(String xml) {
        return EcbRatesParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
