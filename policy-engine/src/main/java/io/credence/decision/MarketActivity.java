package io.credence.decision;

/** A market's decisions since a point in time, for the workbench overview. */
public record MarketActivity(
        String market, long decisions, long approved, long declined, long referred, double meanMicros, long p95Micros) {

    public double approvalRate() {
        return decisions == 0 ? 0 : (double) approved / decisions;
    }

    public double declineRate() {
        return decisions == 0 ? 0 : (double) declined / decisions;
    }

    public double referRate() {
        return decisions == 0 ? 0 : (double) referred / decisions;
    }
}
