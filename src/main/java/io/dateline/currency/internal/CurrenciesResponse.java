package io.dateline.currency.internal;

import java.util.List;

public record CurrenciesResponse(List<CurrencyResponse> items) {

    static CurrenciesResponse from(List<Currency> currencies) {
        return new CurrenciesResponse(
                currencies.stream().map(CurrencyResponse::from).toList());
    }
}
