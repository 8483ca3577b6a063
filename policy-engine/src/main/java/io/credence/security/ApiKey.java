package io.credence.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An API key as admins see it; the key itself is shown once, when created, and stored only as a hash.
 * {@code markets} empty means every market; {@code expiresOn} is the first day (UTC) the key no longer
 * works, null for a key that never expires.
 */
public record ApiKey(
        String id,
        String name,
        String createdBy,
        Instant createdAt,
        Instant revokedAt,
        Instant lastUsedAt,
        List<String> markets,
        LocalDate expiresOn) {

    public ApiKey {
        markets = markets == null ? List.of() : List.copyOf(markets);
    }

    public boolean expiredOn(LocalDate today) {
        return expiresOn != null && !today.isBefore(expiresOn);
    }

    public boolean mayUse(String market) {
        return markets.isEmpty() || markets.contains(market);
    }
}
