package io.dateline.currency.internal;

import io.dateline.platform.ProblemException;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;

class DateInFutureException extends ProblemException {

    DateInFutureException(String parameter, LocalDate date, LocalDate latest) {
        super(
                HttpStatus.BAD_REQUEST,
                "date-in-future",
                "Date in the future",
                "The " + parameter + " " + date + " is in the future: rates exist at most for " + latest
                        + " (the Bank of Russia sets rates a day ahead).");
        with("parameter", parameter).with("latestDate", latest.toString());
    }
}
