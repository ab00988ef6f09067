package io.dateline.newsroom;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/** Constraints of article requests that Jakarta Validation does not ship. */
final class ArticleConstraints {

    private ArticleConstraints() {}

    /** An ISO 639-1 language code in lower case: "en", "ru". */
    @Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
    @Retention(RUNTIME)
    @Constraint(validatedBy = LanguageCodeValidator.class)
    @interface LanguageCode {
        String message() default "must be an ISO 639-1 language code in lower case, such as en or ru";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** An IANA time zone name: "Europe/Moscow", not "+03:00". */
    @Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
    @Retention(RUNTIME)
    @Constraint(validatedBy = TimeZoneValidator.class)
    @interface TimeZoneName {
        String message() default "must be an IANA time zone such as Europe/Moscow";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** At most {@code value} bytes in UTF-8: what a page costs to store and to send. */
    @Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
    @Retention(RUNTIME)
    @Constraint(validatedBy = MaxBytesValidator.class)
    @interface MaxBytes {
        int value();

        String message() default "must be at most {value} bytes";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** An absolute http or https URL. */
    @Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
    @Retention(RUNTIME)
    @Constraint(validatedBy = HttpUrlValidator.class)
    @interface HttpUrl {
        String message() default "must be an absolute http or https URL";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class LanguageCodeValidator implements ConstraintValidator<LanguageCode, String> {

        private static final Set<String> CODES = Set.of(Locale.getISOLanguages());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CODES.contains(value);
        }
    }

    static class TimeZoneValidator implements ConstraintValidator<TimeZoneName, String> {

        private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ZONES.contains(value);
        }
    }

    static class MaxBytesValidator implements ConstraintValidator<MaxBytes, String> {

        private int max;

        @Override
        public void initialize(MaxBytes annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // a char is at most 3 bytes in UTF-8, so short strings need no encoding
            return value == null
                    || (long) value.length() * 3 <= max
                    || value.getBytes(StandardCharsets.UTF_8).length <= max;
        }
    }

    static class HttpUrlValidator implements ConstraintValidator<HttpUrl, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                return uri.isAbsolute()
                        && uri.getHost() != null
                        && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
            } catch (Exception ex) {
                return false;
            }
        }
    }
}
