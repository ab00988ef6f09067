package io.dateline.platform;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every feature exception that a client should see as an RFC 9457 problem. Subclasses name
 * a stable {@code type} (a slug under {@code /problems/}), a title and a detail that is safe to show
 * to a client: never an internal message.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatusCode status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(type));
        problem.setTitle(title);
        return problem;
    }

    /** Adds an extension member, e.g. the offending field or slug. */
    public ProblemException with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }
}
