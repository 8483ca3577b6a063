package io.credence.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the decision log's aggregates into an arm's statistics; plain arithmetic, tested by hand. */
final class ExperimentStatistics {

    static final int TOP_REASONS = 5;

    /** An arm's sums as the database aggregates them. */
    record Totals(
            long count,
            long approvals,
            long declines,
            long refers,
            Double meanScore,
            Double meanApr,
            Double meanApprovedAmount) {

        static final Totals NONE = new Totals(0, 0, 0, 0, null, null, null);
    }

    private ExperimentStatistics() {}

    /**
     * @param reasonCombinations how many decisions gave each combination of reason codes (comma-separated,
     *     as the decision log stores them); the database groups by combination, this counts by code
     */
    static ArmStatistics arm(String arm, List<Integer> versions, Totals totals, Map<String, Long> reasonCombinations) {
        long n = totals.count();
        return new ArmStatistics(
                arm,
                List.copyOf(versions),
                n,
                totals.approvals(),
                totals.declines(),
                totals.refers(),
                rate(totals.approvals(), n),
                rate(totals.declines(), n),
                rate(totals.refers(), n),
                totals.meanScore(),
                totals.meanApr(),
                totals.meanApprovedAmount(),
                topReasons(reasonCombinations, n));
    }

    static ApprovalRateDifference difference(ArmStatistics champion, ArmStatistics challenger) {
        return ApprovalRateDifference.between(
                champion.count(), champion.approvals(), challenger.count(), challenger.approvals());
    }

    static List<ArmStatistics.ReasonCount> topReasons(Map<String, Long> reasonCombinations, long decisions) {
        Map<String, Long> byCode = new HashMap<>();
        reasonCombinations.forEach((combination, count) -> {
            if (combination == null || combination.isBlank()) return;
            for (String code : combination.split(",")) {
                if (!code.isBlank()) byCode.merge(code.trim(), count, Long::sum);
            }
        });
        List<ArmStatistics.ReasonCount> reasons = new ArrayList<>();
        byCode.forEach(
                (code, count) -> reasons.add(new ArmStatistics.ReasonCount(code, count, rate(count, decisions))));
        reasons.sort(Comparator.comparingLong(ArmStatistics.ReasonCount::count)
                .reversed()
                .thenComparing(ArmStatistics.ReasonCount::code));
        return List.copyOf(reasons.subList(0, Math.min(TOP_REASONS, reasons.size())));
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
