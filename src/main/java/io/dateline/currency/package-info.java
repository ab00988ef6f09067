/**
 * Official exchange rates of the Bank of Russia (CBR) and the European Central Bank (ECB): the
 * currencies known (ISO 4217), importers that fetch each bank's published files on a schedule or on
 * an administrator's backfill and store the banks' figures unchanged, and an anonymous, cacheable read
 * API for rate tables, conversions and history. Amounts and rates are {@link java.math.BigDecimal}
 * from the file to the response; cross rates go through the publishing bank's own base currency.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Currency")
package io.dateline.currency;
