package io.credence.experiment;

/**
 * The challenger's approval rate minus the champion's, with a 95% Wald confidence interval
 * (difference ± 1.96·√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂)). Significant when the interval excludes zero.
 */
public record ApprovalRateDifference(
        double champion,
        double challenger,
        double difference,
        double lower,
        double upper,
        double confidence,
        boolean significant) {

    static final double Z_95 = 1.96;

    /** Null until both arms have decided at least once. */
    static ApprovalRateDifference between(
            long championCount, long championApprovals, long challengerCount, long challengerApprovals) {
        if (championCount == 0 || challengerCount == 0) return null;
        double p1 = (double) championApprovals / championCount;
        double p2 = (double) challengerApprovals / challengerCount;
        double difference = p2 - p1;
        double margin = Z_95 * Math.sqrt(p1 * (1 - p1) / championCount + p2 * (1 - p2) / challengerCount);
        double lower = difference - margin;
        double upper = difference + margin;
        return new ApprovalRateDifference(p1, p2, difference, lower, upper, 0.95, lower > 0 || upper < 0);
    }
}
