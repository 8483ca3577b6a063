package io.credence.policy;

import java.time.Instant;

/**
 * A comment on one line of a version's side-by-side diff. {@code side} is {@code new} for a line of the
 * version itself and {@code old} for a line of the version it was compared with (a removed line).
 */
public record LineComment(
        String id,
        String market,
        int version,
        String artifact,
        String side,
        int line,
        String author,
        Instant createdAt,
        String text) {

    public static final String NEW = "new";
    public static final String OLD = "old";
}
