package io.dateline.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * What the anonymous page cache and the surrogate keys agree on: which requests are anonymous
 * reads of public content, and which of those are currency pages (their own eviction scope).
 */
final class PublicReads {

    static final String API = "/api/v1/";

    private static final List<String> PRIVATE_PATHS = List.of("/api/v1/admin/", "/api/v1/me/");

    private static final List<String> CURRENCY_PATHS = List.of("/api/v1/currency/", "/api/v1/currencies");

    private PublicReads() {}

    /** A GET or HEAD without credentials (no Authorization, no Cookie). */
    static boolean isAnonymousRead(HttpServletRequest request) {
        String method = request.getMethod();
        return (method.equals("GET") || method.equals("HEAD"))
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader(HttpHeaders.COOKIE) == null;
    }

    /** Under the versioned API and outside the per-caller and admin trees. */
    static boolean isPublicPath(String path) {
        return path.startsWith(API) && PRIVATE_PATHS.stream().noneMatch(path::startsWith);
    }

    static boolean isCurrencyPath(String path) {
        return CURRENCY_PATHS.stream().anyMatch(path::startsWith);
    }
}
