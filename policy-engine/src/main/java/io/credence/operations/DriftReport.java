package io.credence.operations;

import java.time.Instant;
import java.util.List;

/** GET /api/v1/drift: the active alerts and each market's latest figures, as of the last check. */
public record DriftReport(Instant checkedAt, DriftLimits limits, List<DriftAlert> alerts, List<MarketDrift> markets) {

    public DriftReport {
        alerts = List.copyOf(alerts);
        markets = List.copyOf(markets);
    }
}
