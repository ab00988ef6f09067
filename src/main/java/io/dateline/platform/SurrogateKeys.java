package io.dateline.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Labels anonymous reads of the public API with the keys a CDN in front can purge them by, in both
 * common spellings: {@code Surrogate-Key} (space-separated) and {@code Cache-Tag} (comma-separated).
 * Every content page carries {@value #ARTICLES}, which a content change purges ({@link CdnPurge}),
 * since, as on this instance ({@link PublicPagesChanged}), one change may move any stream, topic or
 * search page; an article's own pages add {@code article-<id or slug as in the URL>} and a topic's
 * pages {@code topic-<slug>}, for an operator's targeted purge. Currency pages carry {@value #CURRENCY}.
 *
 * <p>It runs just after the {@link AnonymousPageCache}, so a cached page keeps its keys, and skips
 * what the cache skips: writes, requests with credentials or cookies, and private paths.
 */
@Order(AnonymousPageCache.FILTER_ORDER + 1)
public class SurrogateKeys extends OncePerRequestFilter {

    static final String SURROGATE_KEY = "Surrogate-Key";

    static final String CACHE_TAG = "Cache-Tag";

    static final String ARTICLES = "articles";

    static final String CURRENCY = "currency";

    /** A key is one token in both headers: no spaces, commas or anything a CDN might reject. */
    private static final Pattern KEY_PART = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> keys = keysOf(request);
        if (!keys.isEmpty()) {
            response.setHeader(SURROGATE_KEY, String.join(" ", keys));
            response.setHeader(CACHE_TAG, String.join(",", keys));
        }
        chain.doFilter(request, response);
    }

    /** The keys of an anonymous public read; none for anything else. */
    static List<String> keysOf(HttpServletRequest request) {
        if (!PublicReads.isAnonymousRead(request)) {
            return List.of();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!PublicReads.isPublicPath(path)) {
            return List.of();
        }
        if (PublicReads.isCurrencyPath(path)) {
            return List.of(CURRENCY);
        }
        List<String> keys = new ArrayList<>(2);
        keys.add(ARTICLES);
        String[] segments = path.substring(PublicReads.API.length()).split("/");
        if (segments.length >= 2 && KEY_PART.matcher(segments[1]).matches()) {
            if (segments[0].equals("articles")) {
                keys.add("article-" + segments[1]);
            } else if (segments[0].equals("topics")) {
                keys.add("topic-" + segments[1]);
            }
        }
        return List.copyOf(keys);
    }
}
