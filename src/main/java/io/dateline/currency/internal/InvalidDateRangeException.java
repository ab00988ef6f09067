package io.dateline.currency.internal;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class InvalidDateRangeException extends ProblemException {

    InvalidDateRangeException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-date-range", "Invalid date range", detail);
    }
}
