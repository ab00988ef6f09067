package io.dateline.currency.internal;

import io.dateline.platform.ProblemException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;

class RateNotAvailableException extends ProblemException {

    RateNotAvailableException(String code, RateSource source, LocalDate date) {
        super(
                HttpStatus.NOT_FOUND,
                "rate-not-available",
                "Rate not available",
                "The " + source.name() + " rates of " + date + " have no rate for " + code + ".");
        with("code", code).with("source", source.id()).with("date", date.toString());
    }

    RateNotAvailableException(String code, RateSource source) {
        super(
                HttpStatus.NOT_FOUND,
                "rate-not-available",
                "Rate not available",
                "No stored " + source.name() + " rates include " + code + ".");
        with("code", code).with("source", source.id());
    }

    /** Neither bank publishes both currencies on or before the date. */
    RateNotAvailableException(String from, String to, LocalDate date) {
        super(
                HttpStatus.NOT_FOUND,
                "rate-not-available",
                "Rate not available",
                "Neither the CBR nor the ECB rates on or before " + date + " include both " + from + " and " + to
                        + ".");
        with("codes", List.of(from, to)).with("date", date.toString());
    }
}
