package io.dateline.currency.internal;

import java.time.LocalDate;

/** The ECB's reference-rate files: one layout, three spans. */
enum EcbFile {
    DAILY("eurofxref-daily.xml"),
    LAST_90_DAYS("eurofxref-hist-90d.xml"),
    HISTORY("eurofxref-hist.xml");

    /**
     * The 90-day file is taken for ranges that start in the last 85 days: a margin, because the file
     * is cut 90 days before its own latest day, which may be a few days before today.
     */
    private static final int RECENT_DAYS = 85;

    private final String fileName;

    EcbFile(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    /** The smallest history file that holds every day from {@code from} on. */
    static EcbFile covering(LocalDate from, LocalDate today) {
        return from.isBefore(today.minusDays(RECENT_DAYS)) ? HISTORY : LAST_90_DAYS;
    }
}
