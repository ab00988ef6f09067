package io.dateline.security;

import io.dateline.platform.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

class TokenNotFoundException extends ProblemException {

    TokenNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "token-not-found", "Token not found", "No token has id " + id + ".");
    }
}
