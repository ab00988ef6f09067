package io.dateline.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The class of the work that borrows a database connection, which decides its statement timeout.
 * Inside an HTTP request the method decides (reads are short, writes a little longer); outside a
 * request (start-up, scheduled imports, background jobs) work is long. Code may name its class
 * explicitly with {@link #call}.
 */
enum DatabaseWork {
    READ,
    WRITE,
    LONG;

    private static final ThreadLocal<DatabaseWork> explicit = new ThreadLocal<>();

    Duration statementTimeout(DatabaseProperties properties) {
        return switch (this) {
            case READ -> properties.readTimeout();
            case WRITE -> properties.writeTimeout();
            case LONG -> properties.longTimeout();
        };
    }

    /** Runs {@code work} with every connection it borrows set up for this class. */
    <T> T call(Supplier<T> work) {
        DatabaseWork previous = explicit.get();
        explicit.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                explicit.remove();
            } else {
                explicit.set(previous);
            }
        }
    }

    static DatabaseWork current() {
        DatabaseWork named = explicit.get();
        if (named != null) {
            return named;
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            String method = request.getMethod();
            return "GET".equals(method) || "HEAD".equals(method) ? READ : WRITE;
        }
        return LONG;
    }
}
