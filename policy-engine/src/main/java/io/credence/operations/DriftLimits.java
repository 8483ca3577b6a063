package io.credence.operations;

/**
 * When a market counts as drifting. {@code approvalRateChange} is in absolute terms (0.10 = ten
 * percentage points either way); {@code psi} is the population stability index of the scores. Below
 * either minimum sample the figure is shown but not judged: an hour of twenty decisions says little.
 * {@code giniDrop} is how far the champion's Gini may fall below its first {@code giniFirstMonths}
 * months' (0.10 = ten Gini points), judged once each period has {@code giniMinimumLoans} funded,
 * scored loans with outcomes.
 */
public record DriftLimits(
        double approvalRateChange,
        double psi,
        long minimumCurrent,
        long minimumBaseline,
        double giniDrop,
        int giniFirstMonths,
        long giniMinimumLoans) {

    public static final double DEFAULT_GINI_DROP = 0.10;
    public static final int DEFAULT_GINI_FIRST_MONTHS = 3;
    public static final long DEFAULT_GINI_MINIMUM_LOANS = 100;

    public DriftLimits {
        if (approvalRateChange <= 0 || approvalRateChange >= 1) {
            throw new IllegalArgumentException(
                    "credence.drift.approval-rate-change must be between 0 and 1, was " + approvalRateChange);
        }
        if (psi <= 0) throw new IllegalArgumentException("credence.drift.psi must be positive, was " + psi);
        if (minimumCurrent < 1 || minimumBaseline < 1) {
            throw new IllegalArgumentException("credence.drift minimum samples must be at least 1");
        }
        if (giniDrop <= 0 || giniDrop >= 2) {
            throw new IllegalArgumentException(
                    "credence.drift.gini-drop must be between 0 and 2 (Gini runs from -1 to 1), was " + giniDrop);
        }
        if (giniFirstMonths < 1) {
            throw new IllegalArgumentException(
                    "credence.drift.gini-first-months must be at least 1, was " + giniFirstMonths);
        }
        if (giniMinimumLoans < 1) {
            throw new IllegalArgumentException(
                    "credence.drift.gini-minimum-loans must be at least 1, was " + giniMinimumLoans);
        }
    }

    public DriftLimits(double approvalRateChange, double psi, long minimumCurrent, long minimumBaseline) {
        this(
                approvalRateChange,
                psi,
                minimumCurrent,
                minimumBaseline,
                DEFAULT_GINI_DROP,
                DEFAULT_GINI_FIRST_MONTHS,
                DEFAULT_GINI_MINIMUM_LOANS);
    }
}
