package io.credence.operations;

import java.time.Instant;
import java.util.List;

/**
 * One market's latest drift figures: the last hour against the seven days before it. {@code status}
 * is STABLE, DRIFTING (some figure beyond its limit) or TOO_FEW_DECISIONS (neither figure could be
 * judged); a figure is null when its window was too small to judge it.
 */
public record MarketDrift(String market, Instant checkedAt, DriftWindow current, DriftWindow baseline,
        Double approvalRateChange, Double psi, String status, List<Breach> breaches) {

    public static final String STABLE = "STABLE";
    public static final String DRIFTING = "DRIFTING";
    public static final String TOO_FEW_DECISIONS = "TOO_FEW_DECISIONS";

    public MarketDrift {
        breaches = List.copyOf(breaches);
    }

    /** A figure beyond its limit: {@code kind} is APPROVAL_RATE or SCORE_PSI. */
    public record Breach(String kind, double value, double limit) {
    }

    Breach breach(String kind) {
        return breaches.stream().filter(b -> b.kind().equals(kind)).findFirst().orElse(null);
    }

    /** Whether {@code kind} could be judged this time; an alert only clears on a judgement. */
    boolean judged(String kind) {
        return DriftRule.APPROVAL_RATE.equals(kind) ? approvalRateChange != null : psi != null;
    }
}
