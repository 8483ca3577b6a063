package io.credence.outcome;

import io.credence.engine.MarketSettings;
import io.credence.outcome.OutcomeRepository.Scope;
import io.credence.outcome.OutcomeRepository.ScoreBin;
import io.credence.outcome.OutcomeRepository.Totals;
import io.credence.outcome.OutcomeRepository.VintageCell;
import io.credence.outcome.PerformanceReport.Interval;
import io.credence.outcome.PerformanceReport.VersionPerformance;
import io.credence.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports a market's versions on credit performance. Every figure comes from aggregates the database
 * computes over the outcome tables (counts by version, by score, by funding month) and the decision
 * log's counts by version; no loan is loaded.
 */
@Service
public class PerformanceService {

    private final OutcomeRepository repository;
    private final DecisionFacts decisions;
    private final OutcomeService outcomes;

    PerformanceService(OutcomeRepository repository, DecisionFacts decisions, OutcomeService outcomes) {
        this.repository = repository;
        this.decisions = decisions;
        this.outcomes = outcomes;
    }

    /** @param from first day decided (UTC), or null; @param to last day decided, inclusive, or null */
    @Transactional(readOnly = true)
    public PerformanceReport report(String market, Integer version, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "is before from");
        }
        Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end =
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Scope scope = Scope.of(market, version, start, end);

        Map<Integer, DecisionFacts.VersionDecisions> decided = new HashMap<>();
        decisions.decided(market, version, start, end).forEach(d -> decided.put(d.version(), d));
        Map<Integer, Totals> totals = new HashMap<>();
        repository.totals(scope, "policy_version").forEach(t -> totals.put(Integer.parseInt(t.group()), t));
        Map<Integer, List<ScoreBin>> bins = new HashMap<>();
        repository
                .scoreBins(scope)
                .forEach(b -> bins.computeIfAbsent(b.version(), v -> new ArrayList<>())
                        .add(b));
        Map<Integer, List<VintageCell>> vintages = new HashMap<>();
        repository
                .vintages(scope, "policy_version")
                .forEach(c -> vintages.computeIfAbsent(Integer.parseInt(c.group()), v -> new ArrayList<>())
                        .add(c));

        TreeSet<Integer> versions = new TreeSet<>(decided.keySet());
        versions.addAll(totals.keySet());
        List<VersionPerformance> report = new ArrayList<>();
        for (int v : versions.descendingSet()) {
            report.add(version(
                    v,
                    decided.get(v),
                    totals.get(v),
                    bins.getOrDefault(v, List.of()),
                    vintages.getOrDefault(v, List.of())));
        }
        MarketSettings.Performance definition = outcomes.definition(market);
        return new PerformanceReport(
                market,
                from,
                to,
                new PerformanceReport.Definition(definition.badDaysPastDue(), definition.windowMonths()),
                report);
    }

    /**
     * Gini over the loans {@code version} decided in its first {@code firstMonths} months (counted from
     * its first decision with an outcome) against those it decided since, both on bad so far: two
     * score-histogram aggregates, no loan loaded.
     */
    @Transactional(readOnly = true)
    public GiniTrend giniTrend(String market, int version, int firstMonths) {
        Instant first = repository.firstDecided(market, version);
        if (first == null) return GiniTrend.none(market, version);
        Instant since = first.atZone(ZoneOffset.UTC).plusMonths(firstMonths).toInstant();
        List<ScoreBin> early = repository.scoreBins(Scope.of(market, version, first, since));
        List<ScoreBin> recent = repository.scoreBins(Scope.of(market, version, since, null));
        return new GiniTrend(market, version, first, since, gini(early), loans(early), gini(recent), loans(recent));
    }

    private static Double gini(List<ScoreBin> bins) {
        return PerformanceStatistics.gini(PerformanceAggregates.riskBins(bins, false));
    }

    private static long loans(List<ScoreBin> bins) {
        return bins.stream().mapToLong(ScoreBin::count).sum();
    }

    private static VersionPerformance version(
            int version,
            DecisionFacts.VersionDecisions decided,
            Totals totals,
            List<ScoreBin> bins,
            List<VintageCell> vintages) {
        long n = decided == null ? 0 : decided.decided();
        long approved = decided == null ? 0 : decided.approved();
        long reported = totals == null ? 0 : totals.reported();
        long funded = totals == null ? 0 : totals.funded();
        long bad = totals == null ? 0 : totals.bad();
        long matured = totals == null ? 0 : totals.matured();
        long maturedBad = totals == null ? 0 : totals.maturedBad();
        BigDecimal loss = totals == null ? BigDecimal.ZERO : totals.lossAmount();
        var toDate = PerformanceAggregates.riskBins(bins, false);
        var ofMatured = PerformanceAggregates.riskBins(bins, true);
        return new VersionPerformance(
                version,
                n,
                approved,
                PerformanceReport.rate(approved, n),
                Interval.of(PerformanceStatistics.wilson(approved, n)),
                reported,
                funded,
                // take-up among the approved applications the servicing system has reported on
                PerformanceReport.rate(funded, reported),
                Interval.of(PerformanceStatistics.wilson(funded, reported)),
                bad,
                PerformanceReport.rate(bad, funded),
                Interval.of(PerformanceStatistics.wilson(bad, funded)),
                matured,
                PerformanceReport.rate(maturedBad, matured),
                Interval.of(PerformanceStatistics.wilson(maturedBad, matured)),
                loss,
                PerformanceStatistics.gini(toDate),
                PerformanceStatistics.ks(toDate),
                PerformanceStatistics.gini(ofMatured),
                PerformanceStatistics.ks(ofMatured),
                bins.isEmpty() ? null : PerformanceAggregates.byProbability(bins) ? "probability" : "score",
                PerformanceAggregates.calibration(bins),
                PerformanceAggregates.vintages(vintages));
    }
}
