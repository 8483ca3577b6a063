package io.credence.fraud;

import java.time.Instant;

public record FraudListEntry(
        String id,
        String market,
        String list,
        String entry,
        String reason,
        Instant expiresAt,
        String createdBy,
        Instant createdAt) {

    boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
