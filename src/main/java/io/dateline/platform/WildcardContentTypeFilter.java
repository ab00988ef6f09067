package io.dateline.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body whose Content-Type is a wildcard ({@code *}{@code /*}, {@code application/*})
 * with a 415 problem. Such a type names no format to read the body in, and Spring's request headers
 * refuse to hold one: left alone, it fails inside body binding with an exception that is no client
 * error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class WildcardContentTypeFilter extends OncePerRequestFilter {

    private final ProblemResponseWriter problems;

    WildcardContentTypeFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBody(request) && isWildcard(request.getContentType())) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Unsupported Media Type",
                    "A request body's Content-Type must name one media type, such as application/json, not a"
                            + " wildcard.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparsable) {
            // Spring ignores a Content-Type it cannot parse, and answers 415 itself
            return false;
        }
    }
}
