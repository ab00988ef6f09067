package io.dateline.currency.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the ECB's reference-rate files (daily, 90-day and full history share one layout): a
 * {@code gesmes:Envelope} whose eurofxref {@code Cube time="yyyy-mm-dd"} elements each hold
 * {@code Cube currency="USD" rate="1.0832"} elements, units per one euro. Elements are matched by
 * namespace, not by prefix.
 */
final class EcbRatesParser {

    static final String GESMES = "http://www.gesmes.org/xml/2002-08-01";

    static final String EUROFXREF = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private static final Pattern RATE = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");

    private EcbRatesParser() {}

    /** Every day in the file, oldest first. */
    static List<PublishedRates> parse(InputStream in) {
        XMLStreamReader xml = RatesXml.open(in);
        try {
            xml.nextTag();
            if (!GESMES.equals(xml.getNamespaceURI()) || !"Envelope".equals(xml.getLocalName())) {
                throw new MalformedRatesException("the root element is not a gesmes:Envelope");
            }
            List<PublishedRates> days = new ArrayList<>();
            Set<LocalDate> dates = new HashSet<>();
            int depth = 0;
            int dayDepth = -1;
            LocalDate day = null;
            List<PublishedRate> rates = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (!(event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT)
                        || !EUROFXREF.equals(xml.getNamespaceURI())
                        || !"Cube".equals(xml.getLocalName())) {
                    continue;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == dayDepth) {
                        if (rates.isEmpty()) {
                            throw new MalformedRatesException("the day " + day + " lists no currency");
                        }
                        days.add(new PublishedRates(RateSource.ECB, day, rates));
                        day = null;
                        dayDepth = -1;
                    }
                    depth--;
                    continue;
                }
                depth++;
                String time = xml.getAttributeValue(null, "time");
                String currency = xml.getAttributeValue(null, "currency");
                if (time != null) {
                    if (day != null) {
                        throw new MalformedRatesException("the day " + time + " is inside the day " + day);
                    }
                    day = date(time);
                    if (!dates.add(day)) {
                        throw new MalformedRatesException("the day " + day + " appears twice");
                    }
                    dayDepth = depth;
                    rates = new ArrayList<>();
                    codes = new HashSet<>();
                } else if (currency != null) {
                    if (day == null) {
                        throw new MalformedRatesException("a rate for " + currency + " outside any day");
                    }
                    PublishedRate rate = rate(day, currency, xml.getAttributeValue(null, "rate"));
                    if (!codes.add(rate.code())) {
                        throw new MalformedRatesException(rate.code() + " appears twice on " + day);
                    }
                    rates.add(rate);
                }
            }
            if (days.isEmpty()) {
                throw new MalformedRatesException("the file holds no day of rates");
            }
            days.sort(Comparator.comparing(PublishedRates::date));
            return days;
        } catch (XMLStreamException ex) {
            throw RatesXml.failure(ex);
        } finally {
            RatesXml.close(xml);
        }
    }

    private static PublishedRate rate(LocalDate day, String currency, String rate) {
        if (!CODE.matcher(currency).matches()) {
            throw new MalformedRatesException(day + ": currency '" + currency + "' is not three capital letters");
        }
        if (rate == null || !RATE.matcher(rate).matches()) {
            throw new MalformedRatesException(day + ": the " + currency + " rate '" + rate + "' is not a number");
        }
        BigDecimal value = new BigDecimal(rate);
        if (value.signum() <= 0) {
            throw new MalformedRatesException(day + ": the " + currency + " rate is not positive");
        }
        return new PublishedRate(currency, 1, value, null, null);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException ex) {
            throw new MalformedRatesException("Cube time '" + text + "' is not yyyy-mm-dd");
        }
    }
}
