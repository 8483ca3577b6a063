package io.credence.operations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * An active drift alert. {@code measure} is the change in approval rate (APPROVAL_RATE, signed, as a
 * fraction), the PSI (SCORE_PSI) or the change in the champion's Gini (GINI, signed, 0.10 = ten points);
 * {@code limit} the threshold it went beyond. For APPROVAL_RATE, {@code currentValue} and
 * {@code baselineValue} are the two approval rates; for GINI, the Gini on recent loans and on the
 * version's first months' loans. The window is the hour whose decisions first went beyond the limit;
 * for GINI, from the end of the version's first months to the check that found the fall.
 */
public record DriftAlert(
        String id,
        String market,
        String kind,
        double measure,
        double limit,
        Double currentValue,
        Double baselineValue,
        Instant windowStart,
        Instant windowEnd,
        Instant raisedAt,
        String summary) {

    static DriftAlert of(
            String id,
            String market,
            String kind,
            double measure,
            double limit,
            Double currentValue,
            Double baselineValue,
            Instant windowStart,
            Instant windowEnd,
            Instant raisedAt) {
        return new DriftAlert(
                id,
                market,
                kind,
                measure,
                limit,
                currentValue,
                baselineValue,
                windowStart,
                windowEnd,
                raisedAt,
                summary(market, kind, measure, limit, currentValue, baselineValue, windowStart));
    }

    /** One sentence for the workbench banner, the log and the audit trail. */
    static String summary(
            String market,
            String kind,
            double measure,
            double limit,
            Double current,
            Double baseline,
            Instant windowStart) {
        if (DriftRule.APPROVAL_RATE.equals(kind)) {
            return String.format(
                    Locale.ROOT,
                    "%s approval rate %.1f%% in the last hour against %.1f%% over the previous seven days "
                            + "(%+.1f points; limit ±%.1f)",
                    market,
                    pct(current),
                    pct(baseline),
                    measure * 100,
                    limit * 100);
        }
        if (DriftRule.GINI.equals(kind)) {
            return String.format(
                    Locale.ROOT,
                    "%s champion's Gini %.1f on loans decided since %s against %.1f on its first months' loans "
                            + "(%+.1f points; limit -%.1f)",
                    market,
                    pct(current),
                    windowStart.atZone(ZoneOffset.UTC).toLocalDate(),
                    pct(baseline),
                    measure * 100,
                    limit * 100);
        }
        return String.format(
                Locale.ROOT,
                "%s score distribution shifted: PSI %.3f in the last hour against the previous seven days (limit %.2f)",
                market,
                measure,
                limit);
    }

    private static double pct(Double rate) {
        return rate == null ? Double.NaN : rate * 100;
    }
}
