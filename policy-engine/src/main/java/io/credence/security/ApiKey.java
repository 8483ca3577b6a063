package io.credence.security;

import java.time.Instant;

/** An API key as admins see it; the key itself is shown once, when created, and stored only as a hash. */
public record ApiKey(String id, String name, String createdBy, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
}
