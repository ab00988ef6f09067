package io.dateline.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/tokens")
@Tag(name = "Admin: tokens", description = "Issue, list and revoke API tokens (ADMIN)")
@SecurityRequirement(name = "bearer")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(
            operationId = "issueToken",
            summary = "Issue a token",
            description = "The secret is in this response only; it is stored as a hash.")
    @ApiResponse(responseCode = "201", description = "Issued; Location header")
    ResponseEntity<IssuedToken> create(@Valid @RequestBody CreateTokenRequest request) {
        IssuedToken issued = tokens.issue(request.name(), request.role(), request.expiresAt(), null);
        return ResponseEntity.created(URI.create("/api/v1/admin/tokens/" + issued.id()))
                .body(issued);
    }

    @GetMapping
    @Operation(
            operationId = "listTokens",
            summary = "List tokens",
            description = "Newest first, without their secrets, a page at a time (\"Show more\" with nextCursor);"
                    + " optionally only one role and one state.")
    @ApiResponse(responseCode = "200", description = "A page of tokens")
    TokenService.TokenPage list(
            @Parameter(description = "Only tokens of this role") @RequestParam(required = false) Role role,
            @Parameter(description = "Only active, revoked or expired tokens") @RequestParam(required = false)
                    TokenService.TokenState state,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Tokens per page, at most " + TokenService.MAX_PAGE_SIZE)
                    @RequestParam(defaultValue = "50")
                    @Min(1)
                    @Max(TokenService.MAX_PAGE_SIZE)
                    int size) {
        return tokens.list(role, state, cursor, size);
    }

    @PostMapping("/idle-reader-revocations")
    @Operation(
            operationId = "revokeIdleReaderTokens",
            summary = "Revoke idle reader tokens",
            description = "Revokes every active READER token unused for idleDays (last use is recorded at most"
                    + " once an hour). An app install that comes back registers again.")
    @ApiResponse(responseCode = "200", description = "How many tokens were revoked")
    IdleRevocation revokeIdleReaders(@Valid @RequestBody IdleRevocationRequest request) {
        return new IdleRevocation(tokens.revokeIdleReaders(Duration.ofDays(request.idleDays())));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "revokeToken",
            summary = "Revoke a token",
            description = "The token stops working at once. Revoking twice is harmless.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@Parameter(description = "Token id") @PathVariable UUID id) {
        if (!tokens.revoke(id)) {
            throw new TokenNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    record CreateTokenRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull Role role,
            @Future Instant expiresAt) {}

    /** @param idleDays reader tokens unused for this many days are revoked */
    record IdleRevocationRequest(@NotNull @Min(1) @Max(3650) Integer idleDays) {}

    record IdleRevocation(int revoked) {}
}
