package io.dateline.currency.internal;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class UnknownCurrencyException extends ProblemException {

    UnknownCurrencyException(String code) {
        super(HttpStatus.NOT_FOUND, "unknown-currency", "Unknown currency", "No currency has the code " + code + ".");
        with("code", code);
    }
}
