package io.credence.operations;

/**
 * When a market counts as drifting. {@code approvalRateChange} is in absolute terms (0.10 = ten
 * percentage points either way); {@code psi} is the population stability index of the scores. Below
 * either minimum sample the figure is shown but not judged: an hour of twenty decisions says little.
 */
public record DriftLimits(double approvalRateChange, double psi, long minimumCurrent, long minimumBaseline) {

    public DriftLimits {
        if (approvalRateChange <= 0 || approvalRateChange >= 1) {
            throw new IllegalArgumentException("credence.drift.approval-rate-change must be between 0 and 1, was " + approvalRateChange);
        }
        if (psi <= 0) throw new IllegalArgumentException("credence.drift.psi must be positive, was " + psi);
        if (minimumCurrent < 1 || minimumBaseline < 1) {
            throw new IllegalArgumentException("credence.drift minimum samples must be at least 1");
        }
    }
}
