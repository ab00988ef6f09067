package io.dateline.article;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether any visible article has a source, a dateline or a language: one index probe each
 * (migration V66), so that feed and search answer a filter that cannot match without scanning.
 * Not cached: a probe costs a fraction of a millisecond, and a cache would have to learn of every
 * publish to stay exact.
 */
@Component
public class PublishedFacets {

    private final JdbcClient jdbc;

    PublishedFacets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True when some article visible at {@code now} matches every given value; a null value or
     * languages means any. Source and dateline compare case-insensitively, as the filters do.
     */
    public boolean anyVisible(String source, String dateline, Collection<String> languages, Instant now) {
        if (unstorable(source) || unstorable(dateline)) {
            return false;
        }
        return (source == null || exists("lower(source) = lower(:value)", source, now))
                && (dateline == null || exists("lower(dateline) = lower(:value)", dateline, now))
                && (languages == null || (!languages.isEmpty() && exists("language in (:value)", languages, now)));
    }

    /** PostgreSQL text cannot hold NUL, so no article has such a value, and the driver refuses to send it. */
    private static boolean unstorable(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    private boolean exists(String condition, Object value, Instant now) {
        return jdbc.sql("select exists (select from article where status = 'PUBLISHED' and published_at <= :now and "
                        + condition + ")")
                .param("value", value)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Boolean.class)
                .single();
    }
}
