package io.dateline.currency.internal;

import java.time.LocalDate;
import java.util.List;

/** A bank's rates of one day, under the date that the file itself states. */
record PublishedRates(RateSource source, LocalDate date, List<PublishedRate> rates) {

    PublishedRates {
        rates = List.copyOf(rates);
    }
}
