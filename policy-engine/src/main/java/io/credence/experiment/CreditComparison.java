package io.credence.experiment;

import java.util.Map;

/**
 * An experiment judged on credit performance: per arm ({@code champion}, {@code challenger}) its loans'
 * figures, and the challenger's bad rate to date minus the champion's (null until both arms have funded
 * loans).
 */
public record CreditComparison(Map<String, ArmCredit> arms, BadRateDifference badRateDifference) {

    public static final CreditComparison NONE = new CreditComparison(Map.of(), null);

    /**
     * Challenger minus champion, bad so far over funded, with a 95% interval; {@code pValue} is the pooled
     * two-proportion z-test's. Significant when the interval excludes zero.
     */
    public record BadRateDifference(
            double champion,
            double challenger,
            double difference,
            double lower,
            double upper,
            double confidence,
            boolean significant,
            double pValue) {}
}
