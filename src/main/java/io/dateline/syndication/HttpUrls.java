package io.dateline.syndication;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Partner links end up as href attributes on the site, so only absolute http(s) URLs are accepted:
 * a javascript: or data: link from a partner's feed must never reach a reader.
 */
final class HttpUrls {

    static final int MAX_LENGTH = 2000;

    private HttpUrls() {}

    /** The URL as an absolute http(s) URI, resolving a relative one against {@code base}. */
    static Optional<URI> resolve(URI base, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            return accept(base == null || uri.isAbsolute() ? uri : base.resolve(uri));
        } catch (URISyntaxException | IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    static boolean isHttp(String value) {
        return resolve(null, value).isPresent();
    }

    private static Optional<URI> accept(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = uri.isAbsolute() && uri.getHost() != null && (scheme.equals("http") || scheme.equals("https"));
        return web && uri.toString().length() <= MAX_LENGTH ? Optional.of(uri) : Optional.empty();
    }

    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Validator.class)
    @interface HttpUrl {
        String message() default "must be an absolute http or https URL";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class Validator implements ConstraintValidator<HttpUrl, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isHttp(value);
        }
    }
}
