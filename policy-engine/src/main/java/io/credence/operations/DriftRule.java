package io.credence.operations;

import io.credence.outcome.GiniTrend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one market's last hour against its baseline, and its champion's Gini on recent loans against
 * its first months'; pure, so it is tested on hand-computed figures.
 */
final class DriftRule {

    static final String APPROVAL_RATE = "APPROVAL_RATE";
    static final String SCORE_PSI = "SCORE_PSI";
    static final String GINI = "GINI";
    static final List<String> KINDS = List.of(APPROVAL_RATE, SCORE_PSI, GINI);

    private DriftRule() {}

    static MarketDrift evaluate(
            String market, WindowFigures baseline, WindowFigures current, DriftLimits limits, Instant at) {
        return evaluate(market, baseline, current, null, limits, at);
    }

    /** @param gini the champion's Gini trend, or null when there is no champion or it was not read */
    static MarketDrift evaluate(
            String market,
            WindowFigures baseline,
            WindowFigures current,
            GiniTrend gini,
            DriftLimits limits,
            Instant at) {
        Double change = null;
        if (current.decisions() >= limits.minimumCurrent() && baseline.decisions() >= limits.minimumBaseline()) {
            change = current.approvalRate() - baseline.approvalRate();
        }
        Double psi = null;
        if (current.scores().total() >= limits.minimumCurrent()
                && baseline.scores().total() >= limits.minimumBaseline()) {
            psi = Psi.index(baseline.scores(), current.scores());
        }
        Double giniChange = giniChange(gini, limits);
        List<MarketDrift.Breach> breaches = new ArrayList<>();
        // Strictly beyond the limit: a change of exactly ten points with a limit of ten is within it.
        if (change != null && Math.abs(change) > limits.approvalRateChange() + 1e-12) {
            breaches.add(new MarketDrift.Breach(APPROVAL_RATE, change, limits.approvalRateChange()));
        }
        if (psi != null && psi > limits.psi()) {
            breaches.add(new MarketDrift.Breach(SCORE_PSI, psi, limits.psi()));
        }
        // Only a fall: a model ranking better than it did at launch is no alarm.
        if (giniChange != null && -giniChange > limits.giniDrop() + 1e-12) {
            breaches.add(new MarketDrift.Breach(GINI, giniChange, limits.giniDrop()));
        }
        String status = !breaches.isEmpty()
                ? MarketDrift.DRIFTING
                : change == null && psi == null && giniChange == null
                        ? MarketDrift.TOO_FEW_DECISIONS
                        : MarketDrift.STABLE;
        return new MarketDrift(
                market, at, current.summary(), baseline.summary(), change, psi, status, breaches, giniChange, gini);
    }

    /**
     * Recent Gini minus the first months', once both periods have enough funded, scored loans with
     * outcomes and each has goods and bads; null otherwise.
     */
    static Double giniChange(GiniTrend gini, DriftLimits limits) {
        if (gini == null || gini.firstGini() == null || gini.recentGini() == null) return null;
        if (gini.firstLoans() < limits.giniMinimumLoans() || gini.recentLoans() < limits.giniMinimumLoans())
            return null;
        return gini.recentGini() - gini.firstGini();
    }
}
