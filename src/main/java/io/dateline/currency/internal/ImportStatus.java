package io.dateline.currency.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The outcome of a source's latest import, as the health contributor reports it. */
record ImportStatus(
        RateSource source,
        Instant lastAttemptAt,
        String lastOutcome,
        @Nullable Instant lastSuccessAt,
        @Nullable Instant lastFailureAt,
        @Nullable String lastFailure) {}
