package io.credence.outcome;

import io.credence.experiment.ArmCredit;
import io.credence.experiment.CreditComparison;
import io.credence.experiment.ExperimentCredit;
import io.credence.outcome.OutcomeRepository.Scope;
import io.credence.outcome.OutcomeRepository.Totals;
import io.credence.outcome.OutcomeRepository.VintageCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An experiment's arms judged on their loans: the same aggregates as the performance report, grouped by
 * arm instead of version. The arm vintage is every funding month together, by month on book.
 */
@Component
class ExperimentCreditFromOutcomes implements ExperimentCredit {

    private final OutcomeRepository repository;

    ExperimentCreditFromOutcomes(OutcomeRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public CreditComparison compare(String market, String experimentId) {
        Scope scope = Scope.experiment(market, experimentId);
        Map<String, List<VintageCell>> cells = new HashMap<>();
        repository
                .vintages(scope, "arm")
                .forEach(c ->
                        cells.computeIfAbsent(c.group(), a -> new ArrayList<>()).add(c));
        Map<String, ArmCredit> arms = new TreeMap<>();
        Map<String, Totals> totals = new HashMap<>();
        for (Totals t : repository.totals(scope, "arm")) {
            totals.put(t.group(), t);
            PerformanceStatistics.Rate toDate = PerformanceStatistics.wilson(t.bad(), t.funded());
            PerformanceStatistics.Rate matured = PerformanceStatistics.wilson(t.maturedBad(), t.matured());
            arms.put(
                    t.group(),
                    new ArmCredit(
                            t.funded(),
                            t.bad(),
                            toDate == null ? null : toDate.rate(),
                            toDate == null ? null : toDate.lower(),
                            toDate == null ? null : toDate.upper(),
                            t.matured(),
                            matured == null ? null : matured.rate(),
                            matured == null ? null : matured.lower(),
                            matured == null ? null : matured.upper(),
                            t.lossAmount(),
                            vintage(cells.getOrDefault(t.group(), List.of()))));
        }
        Totals champion = totals.get("champion");
        Totals challenger = totals.get("challenger");
        PerformanceStatistics.Difference d = champion == null || challenger == null
                ? null
                : PerformanceStatistics.difference(
                        champion.bad(), champion.funded(), challenger.bad(), challenger.funded());
        return new CreditComparison(
                arms,
                d == null
                        ? null
                        : new CreditComparison.BadRateDifference(
                                d.first(),
                                d.second(),
                                d.difference(),
                                d.lower(),
                                d.upper(),
                                0.95,
                                d.significant(),
                                d.pValue()));
    }

    /**
     * By month on book m: loans bad by m over loans observed at least m months (or bad by then), so young
     * funding months do not dilute the later points of the curve.
     */
    static List<ArmCredit.VintagePoint> vintage(List<VintageCell> cells) {
        int longest = cells.stream().mapToInt(VintageCell::monthsObserved).max().orElse(-1);
        List<ArmCredit.VintagePoint> points = new ArrayList<>();
        for (int m = 0; m <= longest; m++) {
            long bad = 0;
            long seen = 0;
            for (VintageCell c : cells) {
                boolean badByNow = c.badMonth() != null && c.badMonth() <= m;
                if (badByNow) bad += c.count();
                if (badByNow || c.monthsObserved() >= m) seen += c.count();
            }
            if (seen > 0) points.add(new ArmCredit.VintagePoint(m, bad, (double) bad / seen));
        }
        return points;
    }
}
