package io.dateline.currency.internal;

import io.dateline.platform.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

class UnknownRateSourceException extends ProblemException {

    UnknownRateSourceException(String given) {
        super(
                HttpStatus.BAD_REQUEST,
                "unknown-rate-source",
                "Unknown rate source",
                "Rates come from cbr (Bank of Russia) or ecb (European Central Bank).");
        with("allowed", List.of("cbr", "ecb"));
    }
}
