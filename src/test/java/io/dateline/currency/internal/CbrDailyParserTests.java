package io.dateline.currency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CbrDailyParserTests {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    @ParameterizedTest
    @CsvSource({
        RateFiles.CBR_2002 + ", 2002-09-21, 17",
        RateFiles.CBR_2016 + ", 2016-10-26, 33",
        RateFiles.CBR_2020_04 + ", 2020-04-25, 34",
        RateFiles.CBR_2020_11 + ", 2020-11-28, 34",
        RateFiles.CBR_2021_01 + ", 2021-01-29, 34",
        RateFiles.CBR_2021_05 + ", 2021-05-22, 34",
        RateFiles.CBR_2022 + ", 2022-03-15, 34",
        RateFiles.CBR_2023 + ", 2023-11-02, 43"
    })
    void readsEverySampleFileUnderItsOwnDate(String file, LocalDate date, int currencies) {
        PublishedRates rates = RateFiles.cbr(file);

        assertThat(rates.source()).isEqualTo(RateSource.CBR);
        assertThat(rates.date()).isEqualTo(date);
        assertThat(rates.rates()).hasSize(currencies);
        assertThat(rates.rates()).allSatisfy(rate -> {
            assertThat(rate.code()).matches("[A-Z]{3}");
            assertThat(rate.nominal()).isPositive();
            assertThat(rate.value()).isPositive();
            assertThat(rate.numericCode()).matches("[0-9]{3}");
            assertThat(rate.name()).isNotBlank();
        });
    }

    @Test
    void readsWindows1251WithTabsAndCrlfAsPublishedIn2016() {
        byte[] bytes = RateFiles.bytes(RateFiles.CBR_2016);

        PublishedRates rates = RateFiles.cbr(RateFiles.CBR_2016);

        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("\r\n\t<NumCode>");
        assertThat(rates.rates().get(0))
                .isEqualTo(new PublishedRate("AUD", 1, dec("47.3674"), "036", "Австралийский доллар"));
        assertThat(RateFiles.rate(rates, "USD"))
                .isEqualTo(new PublishedRate("USD", 1, dec("62.0480"), "840", "Доллар США"));
        assertThat(RateFiles.rate(rates, "AMD"))
                .isEqualTo(new PublishedRate("AMD", 100, dec("13.0556"), "051", "Армянских драмов"));
        assertThat(RateFiles.rate(rates, "UZS"))
                .isEqualTo(new PublishedRate("UZS", 1000, dec("20.0933"), "860", "Узбекских сумов"));
        assertThat(RateFiles.rate(rates, "KRW"))
                .isEqualTo(new PublishedRate("KRW", 1000, dec("54.6980"), "410", "Вон Республики Корея"));
        assertThat(RateFiles.rate(rates, "JPY"))
                .isEqualTo(new PublishedRate("JPY", 100, dec("59.4187"), "392", "Японских иен"));
    }

    @Test
    void readsOneLineFilesWithoutVunitRate() {
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2020_04), "USD").value())
                .isEqualTo(dec("74.7163"));
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2020_04), "UZS"))
                .isEqualTo(new PublishedRate("UZS", 10000, dec("73.6702"), "860", "Узбекских сумов"));
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2020_11), "USD").value())
                .isEqualTo(dec("75.8599"));
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2020_11), "AMD").value())
                .isEqualTo(dec("14.9699"));
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2021_01), "USD").value())
                .isEqualTo(dec("76.1854"));
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2021_01), "JPY").value())
                .isEqualTo(dec("73.0375"));
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2021_05), "USD").value())
                .isEqualTo(dec("73.5803"));
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2021_05), "KRW"))
                .isEqualTo(new PublishedRate("KRW", 1000, dec("65.1932"), "410", "Вон Республики Корея"));
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2022), "USD").value())
                .isEqualTo(dec("115.1963"));
        assertThat(RateFiles.rate(RateFiles.cbr(RateFiles.CBR_2022), "UZS"))
                .isEqualTo(new PublishedRate("UZS", 1000, dec("10.5423"), "860", "Узбекских сумов"));
    }

    @Test
    void readsThe2023FileWithVunitRateAndNominals() {
        PublishedRates rates = RateFiles.cbr(RateFiles.CBR_2023);

        assertThat(RateFiles.rate(rates, "USD"))
                .isEqualTo(new PublishedRate("USD", 1, dec("93.2801"), "840", "Доллар США"));
        assertThat(RateFiles.rate(rates, "EUR")).isEqualTo(new PublishedRate("EUR", 1, dec("98.4365"), "978", "Евро"));
        assertThat(RateFiles.rate(rates, "AMD"))
                .isEqualTo(new PublishedRate("AMD", 100, dec("23.1815"), "051", "Армянских драмов"));
        assertThat(RateFiles.rate(rates, "VND"))
                .isEqualTo(new PublishedRate("VND", 10000, dec("38.7231"), "704", "Вьетнамских донгов"));
        assertThat(RateFiles.rate(rates, "IDR"))
                .isEqualTo(new PublishedRate("IDR", 10000, dec("58.6778"), "360", "Индонезийских рупий"));
        assertThat(RateFiles.rate(rates, "AUD").value())
                .isEqualTo(dec("59.0650"))
                .hasToString("59.0650");
        assertThat(RateFiles.rate(rates, "XDR").name()).isEqualTo("СДР (специальные права заимствования)");
    }

    @Test
    void readsTheUtf8ResavedFileWithOldCodes() {
        PublishedRates rates = RateFiles.cbr(RateFiles.CBR_2002);

        assertThat(rates.rates().get(0))
                .isEqualTo(new PublishedRate("AUD", 1, dec("17.3218"), "036", "Австралийский доллар"));
        assertThat(RateFiles.rate(rates, "BYR"))
                .isEqualTo(new PublishedRate("BYR", 1000, dec("16.9768"), "974", "Белорусских рублей"));
        assertThat(RateFiles.rate(rates, "TRL"))
                .isEqualTo(new PublishedRate("TRL", 1000000, dec("18.9960"), "792", "Турецких лир"));
        assertThat(RateFiles.rate(rates, "USD").value()).isEqualTo(dec("31.6379"));
    }

    @Test
    void rejectsAFileCutShort() {
        byte[] whole = RateFiles.bytes(RateFiles.CBR_2023);

        assertThatThrownBy(() -> parse(Arrays.copyOf(whole, whole.length / 2)))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> parse(Arrays.copyOf(whole, whole.length - 3)))
                .isInstanceOf(MalformedRatesException.class);
    }

    @Test
    void rejectsWindows1251BytesDeclaredAsUtf8() {
        String text = new String(RateFiles.bytes(RateFiles.CBR_2023), WINDOWS_1251);
        byte[] mislabelled =
                text.replace("encoding=\"windows-1251\"", "encoding=\"UTF-8\"").getBytes(WINDOWS_1251);
        byte[] undeclared = text.replace(" encoding=\"windows-1251\"", "").getBytes(WINDOWS_1251);

        assertThatThrownBy(() -> parse(mislabelled)).isInstanceOf(MalformedRatesException.class);
        assertThatThrownBy(() -> parse(undeclared)).isInstanceOf(MalformedRatesException.class);
    }

    @Test
    void rejectsAnEmptyValCurs() {
        byte[] empty =
                "<?xml version=\"1.0\" encoding=\"windows-1251\"?><ValCurs Date=\"04.11.2023\" name=\"Foreign Currency Market\"></ValCurs>"
                        .getBytes(WINDOWS_1251);

        assertThatThrownBy(() -> parse(empty))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("lists no currency");
    }

    @Test
    void rejectsDamagedFigures() {
        String text = new String(RateFiles.bytes(RateFiles.CBR_2023), WINDOWS_1251);

        assertThatThrownBy(() -> parse(text.replace("<Value>93,2801</Value>", "<Value>93,28O1</Value>")))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("USD");
        assertThatThrownBy(() -> parse(
                        text.replace("<Nominal>100</Nominal><Name>Армянских", "<Nominal>0</Nominal><Name>Армянских")))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("AMD");
        assertThatThrownBy(
                        () -> parse(text.replace("<VunitRate>0,231815</VunitRate>", "<VunitRate>0,231816</VunitRate>")))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("VunitRate");
        assertThatThrownBy(() -> parse(text.replace("<CharCode>AMD</CharCode>", "<CharCode>USD</CharCode>")))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> parse(text.replace("Date=\"02.11.2023\"", "Date=\"2023-11-02\"")))
                .isInstanceOf(MalformedRatesException.class);
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><html><body>Error</body></html>"))
                .isInstanceOf(MalformedRatesException.class)
                .hasMessageContaining("<html>");
    }

    @Test
    void refusesDoctypesSoNoEntityIsEverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE ValCurs [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ValCurs Date=\"02.11.2023\"><Valute><CharCode>USD</CharCode><Nominal>1</Nominal>"
                + "<Name>&x;</Name><Value>1,0</Value></Valute></ValCurs>";

        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(MalformedRatesException.class);
    }

    @Test
    void anInterruptedReadIsAnIoFailureNotAMalformedFile() {
        InputStream broken =
                new FilterInputStream(new ByteArrayInputStream(RateFiles.bytes(RateFiles.CBR_2023), 0, 2000)) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int read = super.read(b, off, len);
                        if (read == -1) {
                            throw new IOException("connection reset");
                        }
                        return read;
                    }
                };

        assertThatThrownBy(() -> CbrDailyParser.parse(broken))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("connection reset");
    }

    private static PublishedRates parse(String text) {
        return parse(text.getBytes(WINDOWS_1251));
    }

    private static PublishedRates parse(byte[] bytes) {
        return CbrDailyParser.parse(new ByteArrayInputStream(bytes));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
