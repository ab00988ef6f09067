package io.dateline.platform;

import org.springframework.http.HttpStatus;

public class InvalidCursorException extends ProblemException {

    public InvalidCursorException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor", detail);
    }
}
