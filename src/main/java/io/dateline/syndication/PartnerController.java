package io.dateline.syndication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
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
 * Partner administration, in the newsroom's URL tree (EDITOR by its URL rule): reads show feed URLs
 * and import errors, so they are for editors too; the public sees a partner's name and homepage on
 * each of its headlines. It stays in this package, which owns the partner tables and imports.
 */
@RestController
@Tag(name = "Newsroom")
@SecurityRequirement(name = "bearer")
@RequestMapping("/api/v1/newsroom/partners")
class PartnerController {

    private static final CacheControl EDITOR_VIEW = CacheControl.noStore().cachePrivate();

    private final Partners partners;

    PartnerController(Partners partners) {
        this.partners = partners;
    }

    @GetMapping
    @Operation(
            operationId = "listPartners",
            summary = "Every partner by name, with its last import's outcome",
            description = "Feed URLs and import errors included: for editors only.")
    ResponseEntity<PartnerList> list() {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(new PartnerList(partners.list()));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getPartner",
            summary = "One partner, with its last import's outcome",
            description = "Feed URL and import error included.")
    ResponseEntity<PartnerResponse> get(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(partners.get(id));
    }

    @PostMapping
    @Operation(
            operationId = "createPartner",
            summary = "Add a partner",
            description = "Homepage and feed URL must be absolute http(s) URLs. With a feedUrl the partner's"
                    + " headlines are imported by the scheduled import (dateline.partners.import.*) or on demand.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            value = "{\"name\": \"Example News Agency\", \"homepage\":"
                                                    + " \"https://news.example.org\", \"feedUrl\":"
                                                    + " \"https://news.example.org/rss.xml\", \"topic\": \"world\"}")))
    ResponseEntity<PartnerResponse> create(@Valid @RequestBody PartnerRequest request) {
        PartnerResponse created = partners.create(request);
        return ResponseEntity.created(URI.create("/api/v1/newsroom/partners/" + created.id()))
                .cacheControl(EDITOR_VIEW)
                .body(created);
    }

    @PatchMapping(
            value = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            operationId = "patchPartner",
            summary = "Edit a partner with a JSON merge patch",
            description = "RFC 7396 over name, homepage, feedUrl and topic; null clears feedUrl or topic.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            examples = @ExampleObject(value = "{\"feedUrl\": null}")))
    ResponseEntity<PartnerResponse> patch(@PathVariable long id, @RequestBody JsonNode patch) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(partners.patch(id, patch));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deletePartner",
            summary = "Remove a partner and all of its headlines",
            description = "Cannot be undone.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        partners.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/import")
    @Operation(
            operationId = "importPartnerFeed",
            summary = "Import a partner's feed now",
            description = "Adds the headlines whose url is new. A feed that cannot be fetched or read adds nothing:"
                    + " the answer is still 200, with status FAILED and the reason, also kept as lastImport.")
    ResponseEntity<ImportResponse> importFeed(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(partners.importFeed(id));
    }
}
