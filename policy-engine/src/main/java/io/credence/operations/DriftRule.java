package io.credence.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Judges one market's last hour against its baseline; pure, so it is tested on hand-computed figures. */
final class DriftRule {

    static final String APPROVAL_RATE = "APPROVAL_RATE";
    static final String SCORE_PSI = "SCORE_PSI";
    static final List<String> KINDS = List.of(APPROVAL_RATE, SCORE_PSI);

    private DriftRule() {
    }

    static MarketDrift evaluate(String market, WindowFigures baseline, WindowFigures current, DriftLimits limits,
            Instant at) {
        Double change = null;
        if (current.decisions() >= limits.minimumCurrent() && baseline.decisions() >= limits.minimumBaseline()) {
            change = current.approvalRate() - baseline.approvalRate();
        }
        Double psi = null;
        if (current.scores().total() >= limits.minimumCurrent() && baseline.scores().total() >= limits.minimumBaseline()) {
            psi = Psi.index(baseline.scores(), current.scores());
        }
        List<MarketDrift.Breach> breaches = new ArrayList<>();
        // Strictly beyond the limit: a change of exactly ten points with a limit of ten is within it.
        if (change != null && Math.abs(change) > limits.approvalRateChange() + 1e-12) {
            breaches.add(new MarketDrift.Breach(APPROVAL_RATE, change, limits.approvalRateChange()));
        }
        if (psi != null && psi > limits.psi()) {
            breaches.add(new MarketDrift.Breach(SCORE_PSI, psi, limits.psi()));
        }
        String status = !breaches.isEmpty() ? MarketDrift.DRIFTING
                : change == null && psi == null ? MarketDrift.TOO_FEW_DECISIONS : MarketDrift.STABLE;
        return new MarketDrift(market, at, current.summary(), baseline.summary(), change, psi, status, breaches);
    }
}
