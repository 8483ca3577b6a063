package io.credence.deployment;

import java.time.Instant;

/** One change of a market's champion: DEPLOY, ROLLBACK or PROMOTE. */
public record Deployment(long id, String market, int version, String action, String actor, Instant at, Long durationMs) {
}
