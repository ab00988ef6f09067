package io.dateline.currency.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "An amount converted at an official rate")
public record ConversionResponse(
        @Schema(example = "USD") String from,
        @Schema(example = "RUB") String to,
        @Schema(example = "100") BigDecimal amount,

        @Schema(
                description = "The converted amount, rounded half-even to the target's minor units",
                example = "9328.01")
        BigDecimal result,

        @Schema(
                description = "Units of 'to' for one unit of 'from', at least six significant digits",
                example = "93.2801")
        BigDecimal rate,

        @Schema(description = "The day whose rates were used: the date asked for, or the latest earlier day with rates")
        LocalDate rateDate,

        @Schema(example = "cbr") RateSource source) {

    static ConversionResponse from(RateTable table, String from, String to, BigDecimal amount, int scale) {
        CrossRate rate = table.rate(from, to);
        return new ConversionResponse(
                from,
                to,
                amount.scale() < 0 ? amount.setScale(0) : amount,
                rate.convert(amount, scale),
                rate.shown(),
                table.date(),
                table.source());
    }
}
