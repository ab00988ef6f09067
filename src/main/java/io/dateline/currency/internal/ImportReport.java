package io.dateline.currency.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * What one import run did: the dates whose rates it stored (as the files date them), the rows it
 * inserted, updated or found unchanged, and the downloads that failed and changed nothing.
 */
record ImportReport(
        RateSource source,
        LocalDate from,
        LocalDate to,
        SortedSet<LocalDate> dates,
        int inserted,
        int updated,
        int unchanged,
        List<Failure> failures) {

    ImportReport {
        failures = List.copyOf(failures);
    }

    static ImportReport of(
            RateSource source, LocalDate from, LocalDate to, ImportCounts counts, List<Failure> failures) {
        return new ImportReport(
                source, from, to, counts.dates(), counts.inserted(), counts.updated(), counts.unchanged(), failures);
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    /**
     * @param date the day asked for, or null when a whole file failed
     * @param reason what went wrong, for an administrator
     */
    record Failure(@Nullable LocalDate date, String reason) {}
}
