package io.credence.decision;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of a decision search. */
public record DecisionSummary(String decisionId, String applicationId, String market, String outcome, BigDecimal score,
        int policyVersion, String arm, Instant evaluatedAt, long durationMicros, boolean fault) {
}
