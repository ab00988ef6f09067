package io.dateline.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a JSON merge patch to the editable state of a resource and binds the result as strictly
 * as a request body: read-only and unknown members are refused, and the merged state is validated
 * with the same constraints and the same problem shapes as a PUT.
 */
@Component
public class MergePatches {

    private final JsonMapper jsonMapper;

    private final Validator validator;

    MergePatches(JsonMapper jsonMapper, Validator validator) {
        this.jsonMapper = jsonMapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type, Collection<String> readOnly) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    "Malformed request",
                    "A JSON merge patch for this resource must be a JSON object.");
        }
        for (String name : patch.propertyNames()) {
            if (readOnly.contains(name)) {
                throw new ProblemException(
                                HttpStatus.BAD_REQUEST,
                                "read-only-property",
                                "Read-only property",
                                "The property '" + name + "' cannot be changed by the client.")
                        .with("property", name);
            }
        }
        JsonNode merged = JsonMergePatch.apply(jsonMapper.valueToTree(current), patch);
        T result;
        try {
            result = jsonMapper.treeToValue(merged, type);
        } catch (UnrecognizedPropertyException unknown) {
            throw new ProblemException(
                            HttpStatus.BAD_REQUEST,
                            "unknown-property",
                            "Unknown property",
                            "The property '" + unknown.getPropertyName() + "' is not accepted here.")
                    .with("property", unknown.getPropertyName());
        } catch (MismatchedInputException mismatch) {
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            throw InvalidFieldsException.of(field.isEmpty() ? "body" : field, "has an invalid value or type");
        } catch (JacksonException malformed) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    "Malformed request",
                    "The patched document is not of the expected shape.");
        }
        validate(result);
        return result;
    }

    /** Validates {@code value} with its constraints; violations become a 400 validation problem. */
    public void validate(Object value) {
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return;
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        violations.stream()
                .sorted((a, b) -> fieldOf(a.getPropertyPath()).compareTo(fieldOf(b.getPropertyPath())))
                .forEach(violation -> errors.add(
                        Map.of("field", fieldOf(violation.getPropertyPath()), "message", violation.getMessage())));
        throw new InvalidFieldsException(errors);
    }

    /** "pages[2]" and "externalLinks[0].url", as Spring MVC names the fields of a request body. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
