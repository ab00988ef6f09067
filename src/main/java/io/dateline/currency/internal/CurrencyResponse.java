package io.dateline.currency.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(description = "A currency as ISO 4217 defines it")
public record CurrencyResponse(
        @Schema(example = "USD") String code,

        @Schema(description = "ISO 4217 numeric code", example = "840") @Nullable
        String numericCode,

        @Schema(example = "US Dollar") @Nullable String nameEn,
        @Schema(example = "Доллар США") @Nullable String nameRu,

        @Schema(description = "Decimal places; absent where ISO 4217 defines none (SDR, gold)", example = "2") @Nullable
        Integer minorUnits) {

    static CurrencyResponse from(Currency currency) {
        return new CurrencyResponse(
                currency.code(), currency.numericCode(), currency.nameEn(), currency.nameRu(), currency.minorUnits());
    }
}
