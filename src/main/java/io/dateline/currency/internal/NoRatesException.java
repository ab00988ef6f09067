package io.dateline.currency.internal;

import io.dateline.platform.ProblemException;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;

/** The source has no rates at all, or none as early as the date asked for. */
class NoRatesException extends ProblemException {

    NoRatesException(RateSource source) {
        super(
                HttpStatus.NOT_FOUND,
                "no-rates",
                "No rates stored",
                "No " + source.name() + " rates are stored yet; an administrator can import them.");
        with("source", source.id());
    }

    NoRatesException(RateSource source, LocalDate date, LocalDate first) {
        super(
                HttpStatus.NOT_FOUND,
                "no-rates-before",
                "No rates that early",
                "The stored " + source.name() + " rates begin on " + first + "; there are none for " + date + ".");
        with("source", source.id()).with("date", date.toString()).with("firstDate", first.toString());
    }
}
