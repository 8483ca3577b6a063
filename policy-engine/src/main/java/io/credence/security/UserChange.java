package io.credence.security;

import java.time.Instant;
import java.util.Set;

/**
 * A role grant or another user's password reset one admin proposed: it applies only when a second admin
 * approves it. {@code roles} are the roles the user will hold; {@code resetsPassword} says whether the
 * proposal also sets a new password (kept as a hash, never shown).
 */
public record UserChange(
        String id,
        String username,
        Set<Role> roles,
        boolean resetsPassword,
        String proposedBy,
        Instant proposedAt,
        Status status,
        String decidedBy,
        Instant decidedAt) {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }
}
