/**
 * Official exchange rates of the Bank of Russia (CBR) and the European Central Bank (ECB): the
 * currencies known (ISO 4217), importers that fetch each bank's published files on a schedule or on
 * an administrator's backfill and store the banks' figures unchanged, and an anonymous, cacheable read
 * API for rate tables, conversions and history. Amounts and rates are {@link java.math.BigDecimal}
 * from the file to the response; cross rates go through the publishing bank's own base currency.
 *
 * <p>This package is the module's face: its HTTP API (the read API, the administrators' backfill
 * jobs) and their request. Everything behind it, the rate tables and conversions, the banks'
 * parsers and downloads, the importers and their schedule, the store and its health, is in
 * {@code internal}, which no other module may use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Currency")
package io.dateline.currency;
