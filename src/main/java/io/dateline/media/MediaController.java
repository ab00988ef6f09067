package io.dateline.media;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Renditions for everyone. A name is the content's hash and a width, so what it names never
 * changes: clients and CDNs may keep it for a year without asking again.
 */
@RestController
@Tag(name = "Media")
class MediaController {

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}-[1-9][0-9]{0,4}\\.jpg");

    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final ImageStore store;

    MediaController(ImageStore store) {
        this.store = store;
    }

    @GetMapping(value = "/media/{name}", produces = MediaType.IMAGE_JPEG_VALUE)
    @Operation(
            operationId = "getRendition",
            summary = "A picture rendition, e.g. /media/3f2a9c0e5b7d41e8a6c2f90b1d4e7a35-640.jpg",
            description = "Immutable: Cache-Control allows a year, the ETag never changes.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The JPEG bytes",
                            content =
                                    @Content(
                                            mediaType = MediaType.IMAGE_JPEG_VALUE,
                                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> rendition(
            @Parameter(description = "{hash}-{width}.jpg, as in a picture's URLs") @PathVariable String name,
            WebRequest request) {
        if (!NAME.matcher(name).matches()) {
            throw new RenditionNotFoundException(name);
        }
        byte[] jpeg = store.get(name).orElseThrow(() -> new RenditionNotFoundException(name));
        String etag = "\"" + name.substring(0, name.length() - ".jpg".length()) + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(IMMUTABLE)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .eTag(etag)
                .cacheControl(IMMUTABLE)
                .body(jpeg);
    }
}
