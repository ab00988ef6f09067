package io.dateline.currency.internal;

import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

/** What storing some days of rates did. */
record ImportCounts(SortedSet<LocalDate> dates, int inserted, int updated, int unchanged) {

    static final ImportCounts NONE = new ImportCounts(new TreeSet<>(), 0, 0, 0);

    ImportCounts {
        dates = new TreeSet<>(dates);
    }

    ImportCounts plus(ImportCounts other) {
        SortedSet<LocalDate> all = new TreeSet<>(dates);
        all.addAll(other.dates);
        return new ImportCounts(all, inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
    }
}
