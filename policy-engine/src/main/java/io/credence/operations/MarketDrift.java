package io.credence.operations;

import io.credence.outcome.GiniTrend;
import java.time.Instant;
import java.util.List;

/**
 * One market's latest drift figures: the last hour against the seven days before it. {@code status}
 * is STABLE, DRIFTING (some figure beyond its limit) or TOO_FEW_DECISIONS (neither figure could be
 * judged); a figure is null when its window was too small to judge it. {@code giniChange} is the
 * champion's Gini on loans decided since its first months minus its Gini on those months' loans (null
 * until both periods have enough loans with outcomes), {@code gini} the figures it comes from.
 */
public record MarketDrift(
        String market,
        Instant checkedAt,
        DriftWindow current,
        DriftWindow baseline,
        Double approvalRateChange,
        Double psi,
        String status,
        List<Breach> breaches,
        Double giniChange,
        GiniTrend gini) {

    public static final String STABLE = "STABLE";
    public static final String DRIFTING = "DRIFTING";
    public static final String TOO_FEW_DECISIONS = "TOO_FEW_DECISIONS";

    public MarketDrift {
        breaches = List.copyOf(breaches);
    }

    /** A figure beyond its limit: {@code kind} is APPROVAL_RATE, SCORE_PSI or GINI. */
    public record Breach(String kind, double value, double limit) {}

    Breach breach(String kind) {
        return breaches.stream().filter(b -> b.kind().equals(kind)).findFirst().orElse(null);
    }

    /** Whether {@code kind} could be judged this time; an alert only clears on a judgement. */
    boolean judged(String kind) {
        if (DriftRule.GINI.equals(kind)) return giniChange != null;
        return DriftRule.APPROVAL_RATE.equals(kind) ? approvalRateChange != null : psi != null;
    }
}
