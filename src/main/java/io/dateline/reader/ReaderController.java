package io.dateline.reader;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/readers")
@Tag(name = "Readers", description = "Anonymous reader identities for mobile app installs")
class ReaderController {

    private final ReaderService readers;

    ReaderController(ReaderService readers) {
        this.readers = readers;
    }

    @PostMapping
    @Operation(
            operationId = "registerReader",
            summary = "Register a reader",
            description = "Creates an anonymous reader and returns its READER token, shown only in this response.")
    @ApiResponse(responseCode = "201", description = "Registered; the token is in the body")
    ResponseEntity<ReaderService.ReaderRegistration> register() {
        ReaderService.ReaderRegistration registration = readers.register();
        return ResponseEntity.created(URI.create("/api/v1/me/preferences")).body(registration);
    }
}
