package io.dateline.currency.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "A currency's rate against a base, day by day, for a chart")
public record HistoryResponse(
        @Schema(example = "USD") String code,
        @Schema(example = "RUB") String base,
        @Schema(example = "cbr") RateSource source,
        LocalDate from,
        LocalDate to,

        @Schema(description = "Days with rates, oldest first")
        List<Point> items) {

    @Schema(name = "HistoryPoint", description = "One day's rate")
    record Point(
            LocalDate date,

            @Schema(description = "Units of the currency for one unit of the base", example = "0.0107204860")
            BigDecimal rate,

            @Schema(description = "Units of the base for one unit of the currency", example = "93.2801")
            BigDecimal inverseRate) {

        static Point of(LocalDate date, CrossRate baseToCode) {
            return new Point(date, baseToCode.shown(), baseToCode.inverse().shown());
        }
    }
}
