package io.dateline.currency.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "One source's rates of one day, against a base currency")
public record RatesResponse(
        @Schema(example = "cbr") RateSource source,

        @Schema(description = "The day of the rates (the latest day with rates on or before the date asked for)")
        LocalDate date,

        @Schema(example = "RUB") String base,
        List<Item> items) {

    static RatesResponse from(RateTable table, String base) {
        boolean published = base.equals(table.source().baseCurrency());
        List<Item> items = table.currencies().stream()
                .filter(code -> !code.equals(base))
                .sorted()
                .map(code -> Item.of(table, base, code, published))
                .toList();
        return new RatesResponse(table.source(), table.date(), base, items);
    }

    @Schema(name = "RateItem", description = "A currency's rate against the base")
    record Item(
            @Schema(example = "USD") String code,

            @Schema(description = "Units of this currency for one unit of the base", example = "0.0107204860")
            BigDecimal rate,

            @Schema(description = "Units of the base for one unit of this currency", example = "93.2801")
            BigDecimal inverseRate,

            @Schema(
                    description = "The bank's own figures, present when the base is the bank's: value"
                            + " roubles for nominal units (CBR), or value units for one euro (ECB)",
                    example = "1")
            @Nullable
            Integer nominal,

            @Schema(example = "93.2801") @Nullable BigDecimal value) {

        static Item of(RateTable table, String base, String code, boolean published) {
            CrossRate rate = table.rate(base, code);
            Quote quote = table.quote(code);
            return new Item(
                    code,
                    rate.shown(),
                    rate.inverse().shown(),
                    published ? publishedNominal(table.source(), quote) : null,
                    published ? publishedValue(table.source(), quote) : null);
        }

        private static Integer publishedNominal(RateSource source, Quote quote) {
            return switch (source) {
                case CBR -> quote.units().intValueExact();
                case ECB -> quote.baseAmount().intValueExact();
            };
        }

        private static BigDecimal publishedValue(RateSource source, Quote quote) {
            return switch (source) {
                case CBR -> quote.baseAmount();
                case ECB -> quote.units();
            };
        }
    }
}
