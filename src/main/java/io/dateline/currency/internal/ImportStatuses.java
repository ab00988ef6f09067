package io.dateline.currency.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the outcome of the latest import per source in the database, so that every instance's
 * health contributor tells the same story. Upserts, because instances import at the same minute.
 */
@Component
class ImportStatuses {

    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;

    ImportStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void succeeded(RateSource source, Instant at) {
        jdbc.sql("""
                        insert into currency_import_status (source, last_attempt_at, last_outcome, last_success_at)
                        values (:source, :at, 'SUCCESS', :at)
                        on conflict (source) do update
                            set last_attempt_at = excluded.last_attempt_at, last_outcome = 'SUCCESS',
                                last_success_at = excluded.last_success_at
                        """).param("source", source.name()).param("at", utc(at)).update();
    }

    void failed(RateSource source, Instant at, String reason) {
        jdbc.sql("""
                        insert into currency_import_status
                            (source, last_attempt_at, last_outcome, last_failure_at, last_failure)
                        values (:source, :at, 'FAILURE', :at, :reason)
                        on conflict (source) do update
                            set last_attempt_at = excluded.last_attempt_at, last_outcome = 'FAILURE',
                                last_failure_at = excluded.last_failure_at, last_failure = excluded.last_failure
                        """)
                .param("source", source.name())
                .param("at", utc(at))
                .param("reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                .update();
    }

    Optional<ImportStatus> find(RateSource source) {
        return jdbc.sql("""
                        select last_attempt_at, last_outcome, last_success_at, last_failure_at, last_failure
                        from currency_import_status where source = :source
                        """)
                .param("source", source.name())
                .query((rs, row) -> new ImportStatus(
                        source,
                        rs.getObject("last_attempt_at", OffsetDateTime.class).toInstant(),
                        rs.getString("last_outcome"),
                        instant(rs.getObject("last_success_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_failure_at", OffsetDateTime.class)),
                        rs.getString("last_failure")))
                .optional();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
