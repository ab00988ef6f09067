package io.dateline.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Invalid fields found outside Spring MVC's own binding (a merge patch, a rule across fields), in
 * the same shape as the validation problems that binding produces.
 */
public class InvalidFieldsException extends ProblemException {

    public InvalidFieldsException(List<Map<String, Object>> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has invalid fields.");
        with("errors", errors);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(Map.of("field", field, "message", message)));
    }
}
