package io.dateline.media;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An article's picture as the public gets it: {@code url}, {@code width} and {@code height} are
 * those of its largest rendition; {@code renditions} are all of them, narrowest first.
 */
public record Picture(
        @Schema(example = "https://news.example.com/media/3f2a9c0e5b7d41e8a6c2f90b1d4e7a35-1280.jpg")
        String url,

        @Schema(example = "1280") int width,
        @Schema(example = "720") int height,

        @Schema(example = "Delegations at the start of the talks")
        String caption,

        @Schema(example = "Dateline / Jane Doe") String credit,

        @Schema(example = "Six delegates around a round table")
        String alt,

        List<Rendition> renditions) {

    public record Rendition(
            @Schema(example = "https://news.example.com/media/3f2a9c0e5b7d41e8a6c2f90b1d4e7a35-640.jpg")
            String url,

            @Schema(example = "640") int width,
            @Schema(example = "360") int height,
            @Schema(example = "image/jpeg") String type) {}
}
