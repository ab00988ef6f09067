package io.dateline.currency.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the Bank of Russia's {@code XML_daily.asp}: {@code <ValCurs Date="dd.mm.yyyy">} with one
 * {@code <Valute>} per currency, comma decimals, windows-1251 in the files the bank serves. Files
 * since 2022 also carry {@code VunitRate} (Value / Nominal); where present it must agree with the
 * other two, which catches a file whose figures were damaged on the way.
 */
final class CbrDailyParser {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private static final Pattern NUMERIC_CODE = Pattern.compile("[0-9]{3}");

    private static final Pattern NOMINAL = Pattern.compile("[1-9][0-9]{0,8}");

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}([.,][0-9]{1,12})?");

    private CbrDailyParser() {}

    static PublishedRates parse(InputStream in) {
        XMLStreamReader xml = RatesXml.open(in);
        try {
            xml.nextTag();
            if (!"ValCurs".equals(xml.getLocalName())) {
                throw new MalformedRatesException("the root element is <" + xml.getLocalName() + ">, not <ValCurs>");
            }
            LocalDate date = date(xml.getAttributeValue(null, "Date"));
            List<PublishedRate> rates = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!"Valute".equals(xml.getLocalName())) {
                    throw new MalformedRatesException("unexpected <" + xml.getLocalName() + "> in <ValCurs>");
                }
                PublishedRate rate = valute(xml);
                if (!codes.add(rate.code())) {
                    throw new MalformedRatesException(rate.code() + " appears twice");
                }
                rates.add(rate);
            }
            while (xml.hasNext()) {
                // reads to the end, so that a file cut short after </ValCurs> is still noticed
                xml.next();
            }
            if (rates.isEmpty()) {
                throw new MalformedRatesException("<ValCurs Date=\"" + date.format(DATE) + "\"> lists no currency");
            }
            return new PublishedRates(RateSource.CBR, date, rates);
        } catch (XMLStreamException ex) {
            throw RatesXml.failure(ex);
        } finally {
            RatesXml.close(xml);
        }
    }

    private static PublishedRate valute(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            fields.put(name, xml.getElementText().trim());
        }
        String code = required(fields, "CharCode");
        if (!CODE.matcher(code).matches()) {
            throw new MalformedRatesException("CharCode '" + code + "' is not three capital letters");
        }
        String nominalText = required(fields, "Nominal");
        if (!NOMINAL.matcher(nominalText).matches()) {
            throw new MalformedRatesException(code + ": Nominal '" + nominalText + "' is not a positive integer");
        }
        int nominal = Integer.parseInt(nominalText);
        BigDecimal value = decimal(code, "Value", required(fields, "Value"));
        String unitRate = fields.get("VunitRate");
        if (unitRate != null) {
            BigDecimal stated = decimal(code, "VunitRate", unitRate);
            BigDecimal computed = value.divide(BigDecimal.valueOf(nominal), stated.scale(), RoundingMode.HALF_UP);
            if (computed.compareTo(stated) != 0) {
                throw new MalformedRatesException(
                        code + ": VunitRate " + unitRate + " is not Value / Nominal (" + value + " / " + nominal + ")");
            }
        }
        String numericCode = fields.get("NumCode");
        if (numericCode != null && !NUMERIC_CODE.matcher(numericCode).matches()) {
            numericCode = null;
        }
        String name = fields.get("Name");
        return new PublishedRate(code, nominal, value, numericCode, name == null || name.isEmpty() ? null : name);
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new MalformedRatesException("a <Valute> has no " + name);
        }
        return value;
    }

    private static BigDecimal decimal(String code, String field, String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new MalformedRatesException(code + ": " + field + " '" + text + "' is not a decimal number");
        }
        BigDecimal value = new BigDecimal(text.replace(',', '.'));
        if (value.signum() <= 0) {
            throw new MalformedRatesException(code + ": " + field + " is not positive");
        }
        return value;
    }

    private static LocalDate date(String text) {
        if (text == null) {
            throw new MalformedRatesException("<ValCurs> has no Date");
        }
        try {
            return LocalDate.parse(text.trim(), DATE);
        } catch (DateTimeParseException ex) {
            throw new MalformedRatesException("<ValCurs> Date '" + text + "' is not dd.mm.yyyy");
        }
    }
}
