package io.dateline.currency.internal;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class InvalidCurrencyCodeException extends ProblemException {

    InvalidCurrencyCodeException(String parameter) {
        super(
                HttpStatus.BAD_REQUEST,
                "invalid-currency-code",
                "Invalid currency code",
                "The parameter '" + parameter + "' must be an ISO 4217 code: three letters, such as USD.");
        with("parameter", parameter);
    }
}
