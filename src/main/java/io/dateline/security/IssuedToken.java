package io.dateline.security;

import java.time.Instant;
import java.util.UUID;

/** A freshly issued token: the only moment its secret exists outside the caller's hands. */
public record IssuedToken(UUID id, String token, String name, Role role, Instant expiresAt) {}
