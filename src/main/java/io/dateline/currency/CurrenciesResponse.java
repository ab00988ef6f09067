package io.dateline.currency;

import java.util.List;

record CurrenciesResponse(List<CurrencyResponse> items) {

    static CurrenciesResponse from(List<Currency> currencies) {
        return new CurrenciesResponse(
                currencies.stream().map(CurrencyResponse::from).toList());
    }
}
