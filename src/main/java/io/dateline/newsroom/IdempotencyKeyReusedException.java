package io.dateline.newsroom;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class IdempotencyKeyReusedException extends ProblemException {

    IdempotencyKeyReusedException(String key) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency key reused",
                "The Idempotency-Key was already used with a different request body. Use a new key for a new request.");
        with("idempotencyKey", key);
    }
}
