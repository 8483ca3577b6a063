package io.credence.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Published after a new decision is stored (not for an idempotent repeat): what metrics, drift
 * detection and any future stream need, without personal data.
 */
public record DecisionMade(
        String decisionId,
        String market,
        String outcome,
        String arm,
        int policyVersion,
        @Nullable BigDecimal score,
        List<String> reasonCodes,
        long engineMicros,
        boolean fault,
        Instant evaluatedAt) {}
