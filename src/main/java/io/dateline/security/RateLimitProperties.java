package io.dateline.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets per caller: a token's subject when a valid token is presented, the client address
 * otherwise. Each budget is a token bucket that refills gradually over its period. Cached anonymous
 * reads are served before these limits apply and are never throttled.
 *
 * @param enabled off only for a deployment whose gateway already limits
 * @param trustedProxies addresses or CIDR blocks of reverse proxies whose X-Forwarded-For is
 *     believed; empty by default, so a client cannot pick its own address by sending the header
 * @param maxClients callers remembered per budget; the least recent are forgotten first (and start
 *     with a full budget), so memory stays bounded under an address-spraying attack
 * @param registration anonymous reader registrations (POST /api/v1/readers) per address: each one
 *     creates a row and a token, and an app install registers once
 * @param search searches and suggestions per caller: each is a full-text query on the database
 * @param writes other writes (POST, PUT, PATCH, DELETE) per caller
 * @param failedAuthentication presented tokens that were refused, per address; once spent, even a
 *     valid token from that address waits, which stops token guessing
 */
@ConfigurationProperties("dateline.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("100000") int maxClients,
        Budget registration,
        Budget search,
        Budget writes,
        Budget failedAuthentication) {

    RateLimitProperties {
        registration = Budget.withDefaults(registration, 20, Duration.ofMinutes(10));
        search = Budget.withDefaults(search, 120, Duration.ofMinutes(1));
        writes = Budget.withDefaults(writes, 300, Duration.ofMinutes(1));
        failedAuthentication = Budget.withDefaults(failedAuthentication, 20, Duration.ofMinutes(10));
    }

    /**
     * @param capacity requests allowed in a burst, and per period on average
     * @param period time in which a spent budget refills completely
     */
    record Budget(Integer capacity, Duration period) {

        static Budget withDefaults(Budget configured, int capacity, Duration period) {
            if (configured == null) {
                return new Budget(capacity, period);
            }
            Budget budget = new Budget(
                    configured.capacity() == null ? capacity : configured.capacity(),
                    configured.period() == null ? period : configured.period());
            if (budget.capacity() < 1
                    || budget.period().isNegative()
                    || budget.period().isZero()) {
                throw new IllegalArgumentException("A rate-limit budget needs a capacity of at least 1 and a"
                        + " positive period, not " + budget.capacity() + " per " + budget.period());
            }
            return budget;
        }
    }
}
