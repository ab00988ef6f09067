package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of the change feed.
 *
 * @param items changes, oldest first
 * @param next always present: pass it as {@code since} to get what follows, now or on the next
 *     visit (an empty page still moves nothing back)
 * @param hasMore more changes follow at once; false: the app is up to date
 */
public record ChangePage(
        List<ChangeEntry> items,

        @Schema(example = "MTIzNDU2Nzg5fDQyMTc.q2dW5iXc8s3tQk9mH1rZcA")
        String next,

        boolean hasMore) {}
