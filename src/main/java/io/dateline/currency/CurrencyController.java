package io.dateline.currency;

import io.dateline.currency.internal.CurrenciesResponse;
import io.dateline.currency.internal.ExchangeRates;
import io.dateline.currency.internal.PublicationSchedule;
import io.dateline.currency.internal.RateSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/currencies")
@Tag(name = "Currency", description = "Official exchange rates of the Bank of Russia (CBR) and the ECB")
class CurrencyController {

    private final ExchangeRates exchangeRates;

    private final PublicationSchedule schedule;

    CurrencyController(ExchangeRates exchangeRates, PublicationSchedule schedule) {
        this.exchangeRates = exchangeRates;
        this.schedule = schedule;
    }

    @GetMapping
    @Operation(
            operationId = "listCurrencies",
            summary = "List currencies",
            description = "Every currency known: ISO 4217 code and numeric code, English and Russian names, minor"
                    + " units. Cacheable until the next expected publication of rates; carries an ETag.")
    @ApiResponse(responseCode = "200", description = "The currencies, by code")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    ResponseEntity<CurrenciesResponse> list() {
        return ResponseEntity.ok()
                .cacheControl(schedule.cacheControl(RateSource.values()))
                .body(exchangeRates.currencies());
    }
}
