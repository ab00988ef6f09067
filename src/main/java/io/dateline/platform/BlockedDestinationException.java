package io.dateline.platform;

import java.net.UnknownHostException;

/**
 * An outbound fetch refused by the SSRF guard. It is an {@link UnknownHostException} because the
 * HTTP client's DNS resolver is where the address actually connected to is checked; callers tell it
 * apart from other I/O failures to avoid retrying it and to log why.
 */
public class BlockedDestinationException extends UnknownHostException {

    public BlockedDestinationException(String reason) {
        super(reason);
    }
}
