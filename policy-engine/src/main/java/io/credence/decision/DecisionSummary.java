package io.credence.decision;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of a decision search. */
public record DecisionSummary(
        String decisionId,
        String applicationId,
        String market,
        String outcome,
        @Nullable BigDecimal score,
        int policyVersion,
        String arm,
        Instant evaluatedAt,
        long durationMicros,
        boolean fault) {}
