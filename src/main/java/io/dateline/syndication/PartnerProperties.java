package io.dateline.syndication;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/** Partner news settings. */
@ConfigurationProperties("dateline.partners")
record PartnerProperties(@Name("import") @DefaultValue Import importing) {

    /**
     * The periodic import of partners' RSS and Atom feeds.
     *
     * @param enabled off by default, so that a developer's or a test's run never reaches out to
     *     partners; the first run is at the first cron tick, never at startup
     * @param cron when to import every partner with a feed (Spring cron, six fields)
     * @param connectTimeout how long to wait for a partner's server to accept the connection
     * @param readTimeout how long to wait for the feed's response; a slow partner fails alone and
     *     is tried again at the next tick
     * @param maxFeedSize larger feed documents are refused unread: a feed of headlines is small
     * @param maxItems at most this many entries of one feed are taken, newest first as listed
     */
    record Import(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("0 */15 * * * *") String cron,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("2MB") DataSize maxFeedSize,
            @DefaultValue("100") int maxItems) {}
}
