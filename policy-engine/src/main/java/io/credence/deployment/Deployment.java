package io.credence.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One change of a market's champion: DEPLOY (of an APPROVED version, or again of a RETIRED one), ROLLBACK
 * or PROMOTE; {@code reason} is the one an admin gave for a rollback, if any.
 */
public record Deployment(
        long id,
        String market,
        int version,
        String action,
        String actor,
        Instant at,
        Long durationMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {}
