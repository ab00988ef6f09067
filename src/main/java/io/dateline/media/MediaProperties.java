package io.dateline.media;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param storage where renditions are kept: FILESYSTEM (default) or S3
 * @param directory the FILESYSTEM store's directory, beside the embedded database's data by default
 * @param publicUrl base of the rendition URLs in public JSON and feeds: this service's {@code /media}
 *     by default; a CDN or the bucket's own address when renditions are served from there
 * @param maxFileSize largest upload accepted; the multipart body may be a little larger
 * @param maxPixels largest width x height decoded: an image is 4 bytes per pixel in memory whatever
 *     its file size, so a small file announcing a huge canvas (a decompression bomb) is refused from
 *     its header, before decoding. 40 million pixels covers every camera's photo
 * @param renditionWidths JPEG renditions made of each upload; an original narrower than one of them
 *     gets one at its own width instead, never an enlarged copy
 * @param jpegQuality 0..1; 0.85 is where JPEG artefacts stop being visible in photos
 */
@ConfigurationProperties("dateline.media")
public record MediaProperties(
        @DefaultValue("FILESYSTEM") Storage storage,
        @DefaultValue("./.dateline/media") Path directory,
        @DefaultValue("http://localhost:8080/media") URI publicUrl,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue({"320", "640", "1280"}) List<Integer> renditionWidths,
        @DefaultValue("0.85") float jpegQuality,
        @DefaultValue S3 s3) {

    public enum Storage {
        FILESYSTEM,
        S3
    }

    /**
     * An S3-compatible bucket (AWS S3, MinIO, Ceph, R2, ...).
     *
     * @param endpoint the service's address; empty for AWS S3 in {@code region}
     * @param pathStyleAccess address the bucket in the path, as most self-hosted stores need
     * @param accessKey with {@code secretKey}: static credentials (from the environment only); empty
     *     means the SDK's default chain (environment, profile, instance role)
     * @param prefix key prefix inside the bucket, e.g. "media/"
     */
    public record S3(
            String bucket,
            @DefaultValue("us-east-1") String region,
            URI endpoint,
            @DefaultValue("false") boolean pathStyleAccess,
            String accessKey,
            String secretKey,
            @DefaultValue("") String prefix) {}

    String url(String key) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + key;
    }
}
