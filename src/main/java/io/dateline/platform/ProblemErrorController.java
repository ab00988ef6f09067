package io.dateline.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: errors raised outside Spring MVC (a filter, a rejected URL,
 * an oversized request) end here and still leave as problem+json, without any internal message.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (DatabaseUnavailable.isCause((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // a filter (token authentication) needed the database and could not reach it
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemExceptionHandler.databaseUnavailable());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status;
        if (code == null) {
            // called by a client, not forwarded by the container: there is no error to report
            status = HttpStatus.NOT_FOUND;
        } else {
            status = code instanceof Integer value && HttpStatus.resolve(value) != null
                    ? HttpStatus.valueOf(value)
                    : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = ProblemException.problem(
                status, ProblemExceptionHandler.statusSlug(status), status.getReasonPhrase(), detailOf(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // a path the container let through but that is no URI: leave the member out
            }
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No resource exists at this address.";
            case PAYLOAD_TOO_LARGE -> "The request is larger than this endpoint accepts.";
            case BAD_REQUEST -> "The request could not be understood.";
            default ->
                status.is5xxServerError()
                        ? "The server could not complete the request. Quote the X-Request-Id header when reporting it."
                        : status.getReasonPhrase() + ".";
        };
    }
}
