package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A partner as editors see it, with the outcome of the last feed import.
 *
 * @param topic slug of the topic imported headlines are filed under
 * @param lastImport absent until the first import
 */
record PartnerResponse(
        @Schema(example = "7") long id,
        @Schema(example = "Example News Agency") String name,
        @Schema(example = "https://news.example.org") String homepage,

        @Schema(example = "https://news.example.org/rss.xml")
        String feedUrl,

        @Schema(example = "world") String topic,
        LastImport lastImport) {

    /**
     * @param status SUCCEEDED or FAILED
     * @param error why it failed, e.g. "HTTP 500" or "not an RSS or Atom document"
     * @param added headlines the import added (those already known are not counted)
     */
    record LastImport(
            @Schema(example = "2024-05-01T10:15:00Z") Instant at,

            @Schema(
                    example = "SUCCEEDED",
                    allowableValues = {"SUCCEEDED", "FAILED"})
            String status,

            String error,
            @Schema(example = "12") Integer added) {}

    static PartnerResponse from(Partner partner, String topicSlug) {
        LastImport last = partner.lastImportAt() == null
                ? null
                : new LastImport(
                        partner.lastImportAt(),
                        partner.lastImportStatus(),
                        partner.lastImportError(),
                        partner.lastImportAdded());
        return new PartnerResponse(
                partner.id(), partner.name(), partner.homepage(), partner.feedUrl(), topicSlug, last);
    }
}
