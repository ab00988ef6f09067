package io.dateline.currency;

import io.dateline.currency.internal.ConversionResponse;
import io.dateline.currency.internal.ExchangeRates;
import io.dateline.currency.internal.HistoryResponse;
import io.dateline.currency.internal.PublicationSchedule;
import io.dateline.currency.internal.RatesResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/currency")
@Tag(name = "Currency", description = "Official exchange rates of the Bank of Russia (CBR) and the ECB")
class ExchangeRateController {

    private static final String SOURCE =
            "cbr (Bank of Russia, base RUB) or ecb (European Central Bank, base EUR). Default: CBR when RUB is"
                    + " involved, else the ECB, else whichever publishes both currencies.";

    private final ExchangeRates exchangeRates;

    private final PublicationSchedule schedule;

    ExchangeRateController(ExchangeRates exchangeRates, PublicationSchedule schedule) {
        this.exchangeRates = exchangeRates;
        this.schedule = schedule;
    }

    @GetMapping("/rates")
    @Operation(
            operationId = "getRates",
            summary = "Rate table of a day",
            description = "Every currency that the source publishes for the day, against a base: 'rate' is units of"
                    + " the currency for one unit of the base (base=USD gives every currency per 1 USD, through"
                    + " cross rates), 'inverseRate' the other way round. With the source's own base (RUB for CBR,"
                    + " EUR for ECB), 'nominal' and 'value' repeat the bank's figures exactly. A day without rates"
                    + " (weekend, holiday) gives the latest earlier day, named in 'date'.")
    @ApiResponse(responseCode = "200", description = "The rate table")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @ApiResponse(
            responseCode = "404",
            description = "Unknown base currency, a base the source does not quote, or no rates as early as the date",
            content = @Content(examples = @ExampleObject(value = """
                                    {"type": "/problems/unknown-currency", "title": "Unknown currency",
                                     "status": 404, "detail": "No currency has the code XYZ.", "code": "XYZ"}
                                    """)))
    ResponseEntity<RatesResponse> rates(
            @Parameter(description = SOURCE, schema = @Schema(allowableValues = {"cbr", "ecb"}))
                    @RequestParam(required = false)
                    @Nullable
                    String source,
            @Parameter(
                            description = "The day (yyyy-mm-dd); default: today in the source's time zone",
                            example = "2023-11-02")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate date,
            @Parameter(description = "ISO 4217 code of the base; default: the source's own base", example = "USD")
                    @RequestParam(required = false)
                    @Nullable
                    String base) {
        RatesResponse table = exchangeRates.table(source, date, base);
        return ResponseEntity.ok()
                .cacheControl(schedule.cacheControl(table.source()))
                .body(table);
    }

    @GetMapping("/convert")
    @Operation(
            operationId = "convertCurrency",
            summary = "Convert an amount",
            description = "Converts at the official rate of a day through the source's base currency, honouring the"
                    + " bank's nominal (e.g. 100 AMD). The result is rounded half-even to the target currency's"
                    + " minor units; 'rate' (units of 'to' per unit of 'from') has at least six significant digits."
                    + " A day without rates (weekend, holiday) uses the latest earlier day, named in 'rateDate'.")
    @ApiResponse(
            responseCode = "200",
            description = "The conversion",
            content = @Content(examples = @ExampleObject(value = """
                                                    {"from": "USD", "to": "RUB", "amount": 100, "result": 9328.01,
                                                     "rate": 93.2801, "rateDate": "2023-11-02", "source": "cbr"}
                                                    """)))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @ApiResponse(
            responseCode = "404",
            description = "Unknown currency (named in 'code'), a currency the source does not quote on that day, or"
                    + " a date before the first stored rates")
    ResponseEntity<ConversionResponse> convert(
            @Parameter(description = "ISO 4217 code of the amount's currency", example = "USD") @RequestParam
                    String from,
            @Parameter(description = "ISO 4217 code of the currency wanted", example = "RUB") @RequestParam String to,
            @Parameter(description = "The amount: above 0, at most 1e15, at most 10 decimals", example = "100")
                    @RequestParam
                    @Positive
                    @DecimalMax("1000000000000000")
                    @Digits(integer = 16, fraction = 10)
                    BigDecimal amount,
            @Parameter(
                            description = "The day (yyyy-mm-dd); default: today in the source's time zone",
                            example = "2023-11-02")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate date,
            @Parameter(description = SOURCE, schema = @Schema(allowableValues = {"cbr", "ecb"}))
                    @RequestParam(required = false)
                    @Nullable
                    String source) {
        ConversionResponse conversion = exchangeRates.convert(from, to, amount, date, source);
        return ResponseEntity.ok()
                .cacheControl(schedule.cacheControl(conversion.source()))
                .body(conversion);
    }

    @GetMapping("/rates/{code}/history")
    @Operation(
            operationId = "getRateHistory",
            summary = "A currency's history",
            description = "The currency's rate against a base for every day with rates in the range, oldest first,"
                    + " for a chart: 'rate' is units of the currency per unit of the base, 'inverseRate' the base per"
                    + " unit of the currency. At most " + ExchangeRates.MAX_HISTORY_YEARS + " years per request.")
    @ApiResponse(responseCode = "200", description = "The series")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @ApiResponse(
            responseCode = "404",
            description = "Unknown currency, a currency the source never quoted, or a range before the first stored"
                    + " rates")
    ResponseEntity<HistoryResponse> history(
            @Parameter(description = "ISO 4217 code of the currency", example = "USD") @PathVariable String code,
            @Parameter(description = "First day (yyyy-mm-dd); default: one year before 'to'", example = "2023-01-01")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate from,
            @Parameter(
                            description = "Last day (yyyy-mm-dd); default: today in the source's time zone",
                            example = "2023-11-02")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate to,
            @Parameter(
                            description = "ISO 4217 code of the base; default: the source's own base (USD when the"
                                    + " currency is that base)",
                            example = "RUB")
                    @RequestParam(required = false)
                    @Nullable
                    String base,
            @Parameter(description = SOURCE, schema = @Schema(allowableValues = {"cbr", "ecb"}))
                    @RequestParam(required = false)
                    @Nullable
                    String source) {
        HistoryResponse history = exchangeRates.history(code, from, to, base, source);
        return ResponseEntity.ok()
                .cacheControl(schedule.cacheControl(history.source()))
                .body(history);
    }
}
