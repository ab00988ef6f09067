package io.dateline.currency.internal;

import io.dateline.job.StopSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports official rates: the daily run of each source and an administrator's backfill of a date
 * range. Each download is parsed completely before anything is stored, and stored in one transaction,
 * so a failed or malformed download changes nothing; it is logged, counted and recorded as the
 * source's import status, and the next run tries again.
 */
@Service
public class CurrencyImporter {

    private static final Logger log = LoggerFactory.getLogger(CurrencyImporter.class);

    /** One CBR request per day: a longer range belongs in several jobs. */
    public static final int MAX_CBR_DAYS = 366;

    /** How far back a daily run reaches to fill a gap left by failed runs. */
    static final int MAX_CATCH_UP_DAYS = 31;

    private final RatesDownloader downloader;

    private final RateStore store;

    private final ExchangeRateRepository rates;

    private final ImportStatuses statuses;

    private final MeterRegistry meters;

    private final CurrencyProperties properties;

    private final Clock clock;

    private final StopSignal stop;

    CurrencyImporter(
            RatesDownloader downloader,
            RateStore store,
            ExchangeRateRepository rates,
            ImportStatuses statuses,
            MeterRegistry meters,
            CurrencyProperties properties,
            Clock clock,
            StopSignal stop) {
        this.downloader = downloader;
        this.store = store;
        this.rates = rates;
        this.statuses = statuses;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
        this.stop = stop;
    }

    /**
     * The scheduled run. CBR: every day from the one after the latest stored (at most a month back)
     * to tomorrow, because the bank sets tomorrow's rates in the afternoon. ECB: the daily file, and the
     * 90-day file as well when a weekday since the latest stored day would otherwise stay missing.
     */
    ImportReport importLatest(RateSource source) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone(source)));
        LocalDate latest = rates.findLatestDate(source).orElse(null);
        return switch (source) {
            case CBR -> {
                LocalDate from = latest == null || latest.isBefore(today.minusDays(MAX_CATCH_UP_DAYS))
                        ? today
                        : latest.plusDays(1);
                yield importCbr(from.isAfter(today) ? today : from, today.plusDays(1));
            }
            case ECB -> importEcbLatest(latest, today);
        };
    }

    /**
     * Refuses an administrator's backfill that cannot be done, before anything is downloaded; the
     * backfill itself runs as a job ({@link CurrencyBackfillJob}).
     */
    public void checkBackfill(RateSource source, LocalDate from, LocalDate to) {
        LocalDate tomorrow =
                LocalDate.now(clock.withZone(properties.zone(source))).plusDays(1);
        if (to.isAfter(tomorrow)) {
            throw new DateInFutureException("to", to, tomorrow);
        }
        if (from.isAfter(to)) {
            throw new InvalidDateRangeException("The range starts (" + from + ") after it ends (" + to + ").");
        }
        if (source == RateSource.CBR && from.plusDays(MAX_CBR_DAYS).isBefore(to.plusDays(1))) {
            throw new InvalidDateRangeException("A CBR import takes one request per day, at most " + MAX_CBR_DAYS
                    + " days per job; split " + from + ".." + to + " into parts.");
        }
    }

    /** The ECB file that holds every day from {@code from} on. */
    EcbFile ecbFileFrom(LocalDate from) {
        return EcbFile.covering(from, LocalDate.now(clock.withZone(properties.zone(RateSource.ECB))));
    }

    private ImportReport importCbr(LocalDate from, LocalDate to) {
        ImportCounts counts = ImportCounts.NONE;
        List<ImportReport.Failure> failures = new ArrayList<>();
        Set<LocalDate> stored = new HashSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (stop.raised()) {
                // Each day is stored in its own transaction: what is stored stays, the next run goes on.
                log.info("CBR import stops before {}: the application is stopping", day);
                break;
            }
            LocalDate requested = day;
            PublishedRates file = attempt(() -> downloader.cbrDaily(requested), requested, failures);
            // Days without rates of their own (weekends, holidays) answer with an earlier file.
            if (file != null && stored.add(file.date())) {
                counts = counts.plus(store.save(RateSource.CBR, List.of(file)));
            }
        }
        return finish(ImportReport.of(RateSource.CBR, from, to, counts, failures));
    }

    private ImportReport importEcb(LocalDate from, LocalDate to, EcbFile file) {
        List<ImportReport.Failure> failures = new ArrayList<>();
        List<PublishedRates> days = attempt(() -> downloader.ecb(file), null, failures);
        ImportCounts counts = ImportCounts.NONE;
        if (days != null) {
            counts = store.save(
                    RateSource.ECB,
                    days.stream()
                            .filter(day ->
                                    !day.date().isBefore(from) && !day.date().isAfter(to))
                            .toList());
        }
        return finish(ImportReport.of(RateSource.ECB, from, to, counts, failures));
    }

    private ImportReport importEcbLatest(LocalDate latest, LocalDate today) {
        List<ImportReport.Failure> failures = new ArrayList<>();
        List<PublishedRates> daily = attempt(() -> downloader.ecb(EcbFile.DAILY), null, failures);
        if (daily == null) {
            return finish(ImportReport.of(RateSource.ECB, today, today, ImportCounts.NONE, failures));
        }
        LocalDate published = daily.get(daily.size() - 1).date();
        if (latest != null
                && missesWeekday(latest, published)
                && !latest.isBefore(today.minusDays(MAX_CATCH_UP_DAYS))) {
            return importEcb(latest.plusDays(1), published, EcbFile.LAST_90_DAYS);
        }
        ImportCounts counts = store.save(RateSource.ECB, daily);
        return finish(ImportReport.of(RateSource.ECB, published, published, counts, failures));
    }

    /** Whether some Monday-to-Friday lies strictly between the two days. */
    static boolean missesWeekday(LocalDate before, LocalDate after) {
        for (LocalDate day = before.plusDays(1); day.isBefore(after); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                return true;
            }
        }
        return false;
    }

    private <T> T attempt(Supplier<T> download, LocalDate requested, List<ImportReport.Failure> failures) {
        try {
            return download.get();
        } catch (DownloadFailedException | MalformedRatesException ex) {
            log.warn("Currency import failed, nothing stored: {}", ex.getMessage());
            failures.add(new ImportReport.Failure(requested, ex.getMessage()));
            return null;
        }
    }

    private Counter rows(String source, String result) {
        return Counter.builder("dateline.currency.import.rows")
                .description("Rate rows seen by imports, by source and what happened to them")
                .tags("source", source, "result", result)
                .register(meters);
    }

    ImportReport finish(ImportReport report) {
        String source = report.source().id();
        meters.counter(
                        "dateline.currency.imports",
                        "source",
                        source,
                        "outcome",
                        report.failed() ? "failure" : "success")
                .increment();
        meters.counter("dateline.currency.import.rows", "source", source, "result", "inserted")
                .increment(report.inserted());
        meters.counter("dateline.currency.import.rows", "source", source, "result", "updated")
                .increment(report.updated());
        meters.counter("dateline.currency.import.rows", "source", source, "result", "unchanged")
                .increment(report.unchanged());
        if (report.failed()) {
            statuses.failed(
                    report.source(),
                    clock.instant(),
                    report.failures().size() + " download(s) failed; first: "
                            + report.failures().get(0).reason());
        } else {
            statuses.succeeded(report.source(), clock.instant());
        }
        log.info(
                "{} import {}..{}: {} date(s), {} inserted, {} updated, {} unchanged, {} failure(s)",
                report.source(),
                report.from(),
                report.to(),
                report.dates().size(),
                report.inserted(),
                report.updated(),
                report.unchanged(),
                report.failures().size());
        return report;
    }
}
