package io.dateline.currency.internal;

import io.dateline.platform.BlockedDestinationException;
import io.dateline.platform.OutboundHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Fetches and parses the banks' files over HTTP, with connect and read timeouts and a few retries
 * with exponential back-off for failures that may pass (timeouts, broken connections, 5xx). A file
 * that arrives but cannot be read is not retried: the same bytes would come again.
 */
@Component
class RatesDownloader {

    private static final DateTimeFormatter CBR_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final RestClient http;

    private final RetryTemplate retry;

    private final CurrencyProperties properties;

    RatesDownloader(OutboundHttp outbound, CurrencyProperties properties) {
        CurrencyProperties.Import settings = properties.importing();
        // the bank URLs are operator settings, yet they go through the same guard as partner feeds
        this.http = outbound.client(settings.connectTimeout(), settings.readTimeout())
                .defaultHeader(HttpHeaders.USER_AGENT, "Dateline currency importer")
                .build();
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.attempts() - 1)
                .delay(settings.backoff())
                .multiplier(2)
                .predicate(RatesDownloader::isTransient)
                .build());
        this.properties = properties;
    }

    URI cbrDailyUrl(LocalDate date) {
        return UriComponentsBuilder.fromUri(properties.cbr().baseUrl())
                .pathSegment("scripts", "XML_daily.asp")
                .queryParam("date_req", date.format(CBR_DATE))
                .build()
                .toUri();
    }

    URI ecbUrl(EcbFile file) {
        return UriComponentsBuilder.fromUri(properties.ecb().baseUrl())
                .pathSegment("stats", "eurofxref", file.fileName())
                .build()
                .toUri();
    }

    /** The Bank of Russia's rates in force on {@code date}, dated as the bank dates them. */
    PublishedRates cbrDaily(LocalDate date) {
        return download(cbrDailyUrl(date), CbrDailyParser::parse);
    }

    /** Every day that the ECB file holds, oldest first. */
    List<PublishedRates> ecb(EcbFile file) {
        return download(ecbUrl(file), EcbRatesParser::parse);
    }

    private <T> T download(URI url, Function<InputStream, T> parser) {
        try {
            return retry.execute(() -> http.get()
                    .uri(url)
                    .accept(MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.ALL)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (!status.is2xxSuccessful()) {
                            throw new DownloadFailedException(
                                    "HTTP " + status.value() + " from " + url, status.is5xxServerError(), null);
                        }
                        try (InputStream body = response.getBody()) {
                            return parser.apply(body);
                        }
                    }));
        } catch (RetryException ex) {
            throw describe(url, ex.getCause(), ex.getRetryCount() + 1);
        }
    }

    private static boolean isTransient(Throwable failure) {
        if (failure instanceof ResourceAccessException && failure.getCause() instanceof BlockedDestinationException) {
            return false;
        }
        return failure instanceof ResourceAccessException
                || failure instanceof UncheckedIOException
                || failure instanceof DownloadFailedException download && download.transientFailure();
    }

    private static RuntimeException describe(URI url, Throwable failure, int attempts) {
        String tries = attempts == 1 ? "" : " (" + attempts + " attempts)";
        if (failure instanceof MalformedRatesException malformed) {
            return new MalformedRatesException(url + " is malformed: " + malformed.getMessage(), malformed);
        }
        if (failure instanceof DownloadFailedException download) {
            return new DownloadFailedException(download.getMessage() + tries, download.transientFailure(), download);
        }
        Throwable cause = failure instanceof ResourceAccessException || failure instanceof UncheckedIOException
                ? failure.getCause()
                : failure;
        String what;
        if (cause instanceof BlockedDestinationException) {
            what = "refused by the outbound guard (" + cause.getMessage() + "): ";
        } else if (cause instanceof ConnectTimeoutException || cause instanceof ConnectException) {
            what = "could not connect to ";
        } else if (cause instanceof SocketTimeoutException) {
            what = "timed out waiting for ";
        } else if (cause instanceof IOException) {
            what = "connection failed while reading ";
        } else {
            what = "unexpected " + failure.getClass().getSimpleName() + " while reading ";
        }
        return new DownloadFailedException(what + url + tries, true, failure);
    }
}
