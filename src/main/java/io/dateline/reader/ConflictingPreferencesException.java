package io.dateline.reader;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class ConflictingPreferencesException extends ProblemException {

    ConflictingPreferencesException() {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "conflicting-preferences",
                "Conflicting preferences",
                "A topic cannot be both followed and muted.");
    }
}
