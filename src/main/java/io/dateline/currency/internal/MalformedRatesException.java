package io.dateline.currency.internal;

/** A bank's file that cannot be read as rates: nothing from it is stored. */
class MalformedRatesException extends RuntimeException {

    MalformedRatesException(String reason) {
        super(reason);
    }

    MalformedRatesException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
