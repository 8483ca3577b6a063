package io.credence.audit;

import java.time.Instant;

public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        String market,
        String action,
        String subject,
        String detail,
        String prevHash,
        String hash) {}
