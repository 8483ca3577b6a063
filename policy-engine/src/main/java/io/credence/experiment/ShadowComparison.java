package io.credence.experiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A shadow experiment's head-to-head: every application decided by both versions, how many got a
 * different outcome, how many were approved by both on different terms (amount or APR), the counts by
 * pair of outcomes, and the latest applications decided differently.
 */
public record ShadowComparison(
        long compared,
        long differing,
        double differingRate,
        long differingTerms,
        List<OutcomePair> matrix,
        List<DifferingDecision> sample) {

    public record OutcomePair(String champion, String challenger, long count) {}

    public record DifferingDecision(
            String decisionId,
            String applicationId,
            Instant evaluatedAt,
            String championOutcome,
            BigDecimal championScore,
            BigDecimal championApprovedAmount,
            String challengerOutcome,
            BigDecimal challengerScore,
            BigDecimal challengerApprovedAmount,
            List<String> challengerReasons) {}
}
