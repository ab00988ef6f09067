package io.dateline.reader;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own preferences: there is no way to name another reader in these requests. */
@RestController
@RequestMapping("/api/v1/me/preferences")
@Tag(name = "Reader preferences", description = "The topics and languages a reader's feed shows")
@SecurityRequirement(name = "bearer")
class PreferencesController {

    private final ReaderPreferencesService preferences;

    PreferencesController(ReaderPreferencesService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(
            operationId = "getPreferences",
            summary = "Get my feed preferences",
            description = "Any signed-in caller (a READER token above all). Never saved: filter off, nothing followed.")
    @ApiResponse(responseCode = "200", description = "The caller's preferences")
    ResponseEntity<PreferencesResponse> get(Authentication caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(preferences.get(caller.getName()));
    }

    @PutMapping
    @Operation(
            operationId = "replacePreferences",
            summary = "Replace my feed preferences",
            description =
                    "Replaces all preferences at once. Unknown topic slugs are rejected (422) and change nothing.")
    @ApiResponse(responseCode = "200", description = "The stored preferences")
    @ApiResponse(responseCode = "422", description = "Unknown topic slug, or a topic both followed and muted")
    ResponseEntity<PreferencesResponse> replace(
            Authentication caller, @Valid @RequestBody UpdatePreferencesRequest request) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(preferences.replace(caller.getName(), request));
    }
}
