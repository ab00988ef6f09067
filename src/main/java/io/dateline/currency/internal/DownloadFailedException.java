package io.dateline.currency.internal;

/**
 * A bank's file could not be fetched: an HTTP error status, a timeout, a refused or broken
 * connection. {@code transientFailure} says whether trying again may help.
 */
class DownloadFailedException extends RuntimeException {

    private final boolean transientFailure;

    DownloadFailedException(String reason, boolean transientFailure, Throwable cause) {
        super(reason, cause);
        this.transientFailure = transientFailure;
    }

    boolean transientFailure() {
        return transientFailure;
    }
}
