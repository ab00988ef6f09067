package io.dateline.currency.internal;

import io.dateline.job.JobCounts;
import io.dateline.job.JobPlan;
import io.dateline.job.JobResponse;
import io.dateline.job.UnitFailedException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An administrator's backfill as a job. CBR: one unit per day asked for, in date order, so that a
 * resumed job goes on with the day after the last one recorded. ECB: a single unit, the one file
 * that holds the range. A unit is stored in one transaction; a failed download changes nothing and
 * is listed with the day (or file) it was for.
 */
@Component
public class CurrencyBackfillJob implements JobPlan.Factory {

    public static final String KIND = "currency-backfill";

    private final CurrencyImporter importer;

    private final RatesDownloader downloader;

    private final RateStore store;

    private final ExchangeRateRepository rates;

    CurrencyBackfillJob(
            CurrencyImporter importer, RatesDownloader downloader, RateStore store, ExchangeRateRepository rates) {
        this.importer = importer;
        this.downloader = downloader;
        this.store = store;
        this.rates = rates;
    }

    public static Map<String, String> parameters(RateSource source, LocalDate from, LocalDate to) {
        return Map.of("source", source.id(), "from", from.toString(), "to", to.toString());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String source(Map<String, String> parameters) {
        return "currency:" + parameters.get("source");
    }

    @Override
    public JobPlan<?> plan(Map<String, String> parameters) {
        RateSource source = RateSource.of(parameters.get("source"));
        LocalDate from = LocalDate.parse(parameters.get("from"));
        LocalDate to = LocalDate.parse(parameters.get("to"));
        return switch (source) {
            case CBR -> new CbrDays(from, to);
            case ECB -> new EcbRange(from, to, importer.ecbFileFrom(from));
        };
    }

    private void finished(RateSource source, LocalDate from, LocalDate to, JobResponse job) {
        importer.finish(new ImportReport(
                source,
                from,
                to,
                new TreeSet<>(),
                job.rows().inserted(),
                job.rows().updated(),
                job.rows().unchanged(),
                job.failures().stream()
                        .map(failure -> new ImportReport.Failure(null, failure.unit() + ": " + failure.reason()))
                        .toList()));
    }

    private static <T> T download(java.util.function.Supplier<T> download) {
        try {
            return download.get();
        } catch (DownloadFailedException | MalformedRatesException ex) {
            throw new UnitFailedException(ex.getMessage());
        }
    }

    private final class CbrDays implements JobPlan<PublishedRates> {

        private final LocalDate from;

        private final LocalDate to;

        CbrDays(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public List<String> unitsAfter(@Nullable String lastUnit) {
            List<String> days = new ArrayList<>();
            LocalDate first =
                    lastUnit == null ? from : LocalDate.parse(lastUnit).plusDays(1);
            for (LocalDate day = first; !day.isAfter(to); day = day.plusDays(1)) {
                days.add(day.toString());
            }
            return days;
        }

        @Override
        public PublishedRates fetch(String unit) {
            return download(() -> downloader.cbrDaily(LocalDate.parse(unit)));
        }

        @Override
        public JobCounts store(String unit, PublishedRates file) {
            // Days without rates of their own (weekends, holidays) answer with an earlier day's file;
            // when that day is in the range and already stored, storing it again would count its rows
            // once per weekend day.
            LocalDate day = LocalDate.parse(unit);
            if (file.date().isBefore(day)
                    && !file.date().isBefore(from)
                    && rates.existsBySourceAndRateDate(RateSource.CBR, file.date())) {
                return JobCounts.NONE;
            }
            ImportCounts counts = store.save(RateSource.CBR, List.of(file));
            return new JobCounts(counts.inserted(), counts.updated(), counts.unchanged());
        }

        @Override
        public void finished(JobResponse job) {
            CurrencyBackfillJob.this.finished(RateSource.CBR, from, to, job);
        }
    }

    private final class EcbRange implements JobPlan<List<PublishedRates>> {

        private final LocalDate from;

        private final LocalDate to;

        private final EcbFile file;

        EcbRange(LocalDate from, LocalDate to, EcbFile file) {
            this.from = from;
            this.to = to;
            this.file = file;
        }

        @Override
        public List<String> unitsAfter(@Nullable String lastUnit) {
            return lastUnit == null ? List.of(file.fileName()) : List.of();
        }

        @Override
        public List<PublishedRates> fetch(String unit) {
            return download(() -> downloader.ecb(file));
        }

        @Override
        public JobCounts store(String unit, List<PublishedRates> days) {
            ImportCounts counts = store.save(
                    RateSource.ECB,
                    days.stream()
                            .filter(day ->
                                    !day.date().isBefore(from) && !day.date().isAfter(to))
                            .toList());
            return new JobCounts(counts.inserted(), counts.updated(), counts.unchanged());
        }

        @Override
        public void finished(JobResponse job) {
            CurrencyBackfillJob.this.finished(RateSource.ECB, from, to, job);
        }
    }
}
