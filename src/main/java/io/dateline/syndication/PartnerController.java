package io.dateline.syndication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Editors manage news partners. Reads are for editors too: they show feed URLs and import errors;
 * the public sees a partner's name and homepage on each of its headlines.
 */
@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners", description = "News partners and the import of their feeds (EDITOR)")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasRole('EDITOR')")
class PartnerController {

    private static final CacheControl EDITOR_VIEW = CacheControl.noStore().cachePrivate();

    private final Partners partners;

    PartnerController(Partners partners) {
        this.partners = partners;
    }

    @GetMapping
    @Operation(summary = "List partners", description = "Every partner by name, with the outcome of its last import.")
    @ApiResponse(responseCode = "200", description = "The partners")
    ResponseEntity<PartnerList> list() {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(new PartnerList(partners.list()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Show a partner", description = "One partner with the outcome of its last import.")
    @ApiResponse(responseCode = "200", description = "The partner")
    @ApiResponse(
            responseCode = "404",
            description = "No such partner",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartnerResponse> get(@Parameter(description = "Partner id", example = "7") @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(partners.get(id));
    }

    @PostMapping
    @Operation(
            summary = "Add a partner",
            description = "Homepage and feed URL must be absolute http(s) URLs. With a feedUrl the partner's"
                    + " headlines are imported by the scheduled import (dateline.partners.import.*) or on demand.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = PartnerRequest.class),
                            examples =
                                    @ExampleObject(
                                            value = "{\"name\": \"Example News Agency\", \"homepage\":"
                                                    + " \"https://news.example.org\", \"feedUrl\":"
                                                    + " \"https://news.example.org/rss.xml\", \"topic\": \"world\"}")))
    @ApiResponse(responseCode = "201", description = "Created; Location header")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, e.g. a URL that is not http(s)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Another partner has this name",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description = "Unknown topic slug",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartnerResponse> create(@Valid @RequestBody PartnerRequest request) {
        PartnerResponse created = partners.create(request);
        return ResponseEntity.created(URI.create("/api/v1/partners/" + created.id()))
                .cacheControl(EDITOR_VIEW)
                .body(created);
    }

    @PatchMapping(
            value = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Edit a partner (JSON merge patch)",
            description = "RFC 7396 over name, homepage, feedUrl and topic; null clears feedUrl or topic.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = PartnerRequest.class),
                            examples = @ExampleObject(value = "{\"feedUrl\": null}")))
    @ApiResponse(responseCode = "200", description = "The partner as changed")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, unknown or read-only properties",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such partner",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Another partner has this name, or a concurrent change",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description = "Unknown topic slug",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartnerResponse> patch(
            @Parameter(description = "Partner id", example = "7") @PathVariable long id, @RequestBody JsonNode patch) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(partners.patch(id, patch));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a partner", description = "Removes the partner and all of its headlines.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(
            responseCode = "404",
            description = "No such partner",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> delete(@Parameter(description = "Partner id", example = "7") @PathVariable long id) {
        partners.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/import")
    @Operation(
            summary = "Import a partner's feed now",
            description = "Fetches the partner's RSS or Atom feed and adds the headlines whose url is new. A feed that"
                    + " cannot be fetched or read adds nothing: the answer is still 200, with status FAILED and the"
                    + " reason, which is also kept as the partner's lastImport.")
    @ApiResponse(
            responseCode = "200",
            description = "What the import did",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such partner",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The partner has no feedUrl",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ImportResponse> importFeed(
            @Parameter(description = "Partner id", example = "7") @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(partners.importFeed(id));
    }
}
