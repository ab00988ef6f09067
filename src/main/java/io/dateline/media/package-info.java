/**
 * Pictures: editors upload JPEG, PNG or WebP images with caption, credit and alt text; the service
 * checks what the bytes are (never the file name or Content-Type), refuses oversized files and
 * decompression bombs before decoding, and keeps only re-encoded JPEG renditions, so no EXIF or GPS
 * metadata survives. Renditions live in an {@link io.dateline.media.ImageStore} (a directory by
 * default, an S3-compatible bucket as the production option) under content-hashed names, served at
 * {@code /media/{hash}-{width}.jpg} as immutable. Articles refer to images by id;
 * {@link io.dateline.media.Pictures} turns the image row into the public {@link
 * io.dateline.media.Picture}, and {@link io.dateline.media.ImageUses}, implemented by the newsroom,
 * tells whether a published article still shows an image.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Media",
        allowedDependencies = {"platform"})
package io.dateline.media;
