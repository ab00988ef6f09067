package io.dateline.media;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An image as editors see it. {@code url}, {@code width} and {@code height} are those of the largest
 * rendition; {@code originalWidth} and {@code originalHeight} those of the upload, which is not kept.
 *
 * @param sourceType what the upload's bytes were: image/jpeg, image/png or image/webp
 */
record ImageResponse(
        @Schema(example = "17") long id,

        @Schema(example = "3f2a9c0e5b7d41e8a6c2f90b1d4e7a35")
        String hash,

        @Schema(example = "image/png") String sourceType,
        @Schema(example = "4032") int originalWidth,
        @Schema(example = "2268") int originalHeight,
        @Schema(example = "1843221") long byteSize,
        String url,
        @Schema(example = "1280") int width,
        @Schema(example = "720") int height,
        String caption,
        String credit,
        String alt,
        List<Picture.Rendition> renditions,
        Instant createdAt,
        Instant updatedAt) {

    static ImageResponse from(ImageRow row, Pictures pictures) {
        Picture picture = pictures.picture(row.hash(), row.caption(), row.credit(), row.alt(), row.renditions());
        return new ImageResponse(
                row.id(),
                row.hash(),
                row.sourceType(),
                row.width(),
                row.height(),
                row.byteSize(),
                picture.url(),
                picture.width(),
                picture.height(),
                row.caption(),
                row.credit(),
                row.alt(),
                picture.renditions(),
                row.createdAt(),
                row.updatedAt());
    }
}
