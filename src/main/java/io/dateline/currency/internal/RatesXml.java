package io.dateline.currency.internal;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The JDK's StAX parser, set up for files from outside: no DTDs, no external entities. It is fed
 * bytes, so that it takes the encoding from the XML declaration (windows-1251 for the Bank of Russia)
 * rather than from anyone's assumption.
 */
final class RatesXml {

    private static final XMLInputFactory FACTORY = factory();

    private RatesXml() {}

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // errors are reported through exceptions; without a reporter the JDK also prints them to stderr
        factory.setXMLReporter((message, type, info, location) -> {});
        return factory;
    }

    static XMLStreamReader open(InputStream in) {
        try {
            return FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException ex) {
            throw failure(ex);
        }
    }

    /**
     * A broken connection surfaces inside the parser; it stays an I/O failure (worth a retry), while
     * anything else, bytes that do not fit the declared encoding included, is a malformed file.
     */
    static RuntimeException failure(XMLStreamException ex) {
        if (ex.getNestedException() instanceof IOException io && !(io instanceof CharConversionException)) {
            return new UncheckedIOException(io);
        }
        return new MalformedRatesException("not well-formed XML: " + ex.getMessage(), ex);
    }

    static void close(XMLStreamReader xml) {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // the caller closes the underlying stream
        }
    }
}
