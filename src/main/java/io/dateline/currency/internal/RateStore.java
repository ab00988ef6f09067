package io.dateline.currency.internal;

import io.dateline.platform.PublicPagesChanged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores parsed rates. Everything from one download goes in one transaction, and only rows that are
 * new or whose figures differ are written: re-importing a file changes nothing, not even
 * {@code imported_at}. The upsert's own WHERE keeps that true when two instances import at once.
 */
@Component
class RateStore {

    private static final String UPSERT = """
            insert into exchange_rate (source, rate_date, currency_code, nominal, value, imported_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (source, rate_date, currency_code) do update
                set nominal = excluded.nominal, value = excluded.value, imported_at = excluded.imported_at
                where (exchange_rate.nominal, exchange_rate.value) is distinct from (excluded.nominal, excluded.value)
            """;

    private static final int BATCH_SIZE = 1000;

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    RateStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ImportCounts save(RateSource source, Collection<PublishedRates> days) {
        if (days.isEmpty()) {
            return ImportCounts.NONE;
        }
        addUnknownCurrencies(days);
        LocalDate first = days.stream()
                .map(PublishedRates::date)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate last = days.stream()
                .map(PublishedRates::date)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Map<String, Stored> stored = stored(source, first, last);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        List<Object[]> writes = new ArrayList<>();
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        Set<LocalDate> dates = new TreeSet<>();
        for (PublishedRates day : days) {
            dates.add(day.date());
            for (PublishedRate rate : day.rates()) {
                Stored existing = stored.get(key(day.date(), rate.code()));
                if (existing != null && existing.sameAs(rate)) {
                    unchanged++;
                    continue;
                }
                if (existing == null) {
                    inserted++;
                } else {
                    updated++;
                }
                writes.add(new Object[] {source.name(), day.date(), rate.code(), rate.nominal(), rate.value(), now});
            }
        }
        for (int i = 0; i < writes.size(); i += BATCH_SIZE) {
            jdbcTemplate.batchUpdate(UPSERT, writes.subList(i, Math.min(writes.size(), i + BATCH_SIZE)));
        }
        // also when nothing changed: a new currency may have been added
        events.publishEvent(PublicPagesChanged.currency());
        return new ImportCounts(new TreeSet<>(dates), inserted, updated, unchanged);
    }

    /**
     * A code the reference data does not know (a new or an old currency) is added with what the file
     * says about it, completed from the JDK's ISO 4217 table, rather than failing the import.
     */
    private void addUnknownCurrencies(Collection<PublishedRates> days) {
        Map<String, PublishedRate> seen = new LinkedHashMap<>();
        days.forEach(day -> day.rates().forEach(rate -> seen.merge(rate.code(), rate, RateStore::richer)));
        Set<String> known = new HashSet<>(jdbc.sql("select code from currency where code in (:codes)")
                .param("codes", seen.keySet())
                .query(String.class)
                .list());
        seen.values().stream()
                .filter(rate -> !known.contains(rate.code()))
                .map(NewCurrency::of)
                .forEach(currency -> jdbc.sql("""
                                insert into currency (code, numeric_code, name_en, name_ru, minor_units)
                                values (:code, :numericCode, :nameEn, :nameRu, :minorUnits)
                                on conflict (code) do nothing
                                """).paramSource(currency).update());
    }

    private static PublishedRate richer(PublishedRate a, PublishedRate b) {
        return a.name() != null || b.name() == null ? a : b;
    }

    private Map<String, Stored> stored(RateSource source, LocalDate first, LocalDate last) {
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("""
                        select rate_date, currency_code, nominal, value from exchange_rate
                        where source = :source and rate_date between :first and :last
                        """)
                .param("source", source.name())
                .param("first", first)
                .param("last", last)
                .query(rs -> {
                    stored.put(
                            key(rs.getObject("rate_date", LocalDate.class), rs.getString("currency_code")),
                            new Stored(rs.getInt("nominal"), rs.getBigDecimal("value")));
                });
        return stored;
    }

    private static String key(LocalDate date, String code) {
        return date + "/" + code;
    }

    /** A currency first met in a bank's file; minor units default to two where nothing says. */
    record NewCurrency(
            String code,
            @Nullable String numericCode,
            @Nullable String nameEn,
            @Nullable String nameRu,
            @Nullable Integer minorUnits) {

        static NewCurrency of(PublishedRate rate) {
            java.util.Currency iso = iso(rate.code());
            if (iso == null) {
                return new NewCurrency(rate.code(), rate.numericCode(), null, rate.name(), 2);
            }
            int digits = iso.getDefaultFractionDigits();
            return new NewCurrency(
                    rate.code(),
                    rate.numericCode() != null
                            ? rate.numericCode()
                            : iso.getNumericCode() > 0 ? iso.getNumericCodeAsString() : null,
                    iso.getDisplayName(Locale.ENGLISH),
                    rate.name() != null ? rate.name() : iso.getDisplayName(new Locale("ru")),
                    digits < 0 ? null : digits);
        }

        private static java.util.@Nullable Currency iso(String code) {
            try {
                return java.util.Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }
    }

    private record Stored(int nominal, BigDecimal value) {

        boolean sameAs(PublishedRate rate) {
            return nominal == rate.nominal() && value.compareTo(rate.value()) == 0;
        }
    }
}
