package io.dateline.media;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The image library, in the newsroom's URL tree (EDITOR by its URL rule). */
@RestController
@Tag(name = "Newsroom")
@SecurityRequirement(name = "bearer")
@RequestMapping("/api/v1/newsroom/images")
class NewsroomImageController {

    private static final CacheControl EDITOR_VIEW = CacheControl.noStore().cachePrivate();

    private final Images images;

    private final MediaProperties properties;

    NewsroomImageController(Images images, MediaProperties properties) {
        this.images = images;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            operationId = "uploadImage",
            summary = "Upload a JPEG, PNG or WebP image with caption, credit and alt text",
            description = "The type is judged from the content, never the file name or Content-Type (415 for"
                    + " anything else); too many bytes or pixels is a 413, a truncated or corrupt file a 422. EXIF,"
                    + " GPS and other metadata are dropped: only re-encoded JPEG renditions are kept. 201 with the"
                    + " image; the same bytes uploaded again answer 200 with the existing image.")
    ResponseEntity<ImageResponse> upload(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "Shown under the picture") @RequestParam(required = false) @Size(max = 1000)
                    String caption,
            @Parameter(description = "Photographer or agency") @RequestParam(required = false) @Size(max = 300)
                    String credit,
            @Parameter(description = "Text for readers who cannot see the picture")
                    @RequestParam(required = false)
                    @Size(max = 1000)
                    String alt)
            throws IOException {
        long limit = properties.maxFileSize().toBytes();
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            // one byte more than allowed is enough to know the file is too large
            bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        }
        Images.Uploaded uploaded = images.upload(bytes, blankToNull(caption), blankToNull(credit), blankToNull(alt));
        if (!uploaded.created()) {
            return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(uploaded.image());
        }
        return ResponseEntity.created(
                        URI.create("/api/v1/newsroom/images/" + uploaded.image().id()))
                .cacheControl(EDITOR_VIEW)
                .body(uploaded.image());
    }

    @GetMapping
    @Operation(
            operationId = "listImages",
            summary = "Images, newest first",
            description = "Pass nextCursor back as cursor for the next page.")
    ResponseEntity<ImageList> list(
            @RequestParam(required = false) @Size(max = 512) String cursor,
            @RequestParam(required = false) @Min(1) @Max(100) Integer limit) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(images.list(cursor, limit == null ? 20 : limit));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getImage",
            summary = "One image with its renditions",
            description = "Its metadata, the original's size and type, and the URLs of its renditions.")
    ResponseEntity<ImageResponse> get(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(images.get(id));
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "updateImage",
            summary = "Replace an image's caption, credit and alt text",
            description = "Absent fields become empty. Articles showing the image show the new text at once.")
    ImageResponse update(@PathVariable long id, @Valid @RequestBody UpdateImageRequest request) {
        return images.update(
                id,
                new UpdateImageRequest(
                        blankToNull(request.caption()), blankToNull(request.credit()), blankToNull(request.alt())));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteImage",
            summary = "Delete an image and its renditions",
            description = "409 while a published or scheduled article shows it (as lead image or in its body);"
                    + " drafts and archived articles that used it lose the reference.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        images.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
