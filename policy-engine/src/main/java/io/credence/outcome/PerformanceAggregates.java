package io.credence.outcome;

import io.credence.outcome.OutcomeRepository.ScoreBin;
import io.credence.outcome.OutcomeRepository.VintageCell;
import io.credence.outcome.PerformanceReport.CalibrationBand;
import io.credence.outcome.PerformanceReport.Interval;
import io.credence.outcome.PerformanceReport.Vintage;
import io.credence.outcome.PerformanceReport.VintagePoint;
import io.credence.outcome.PerformanceStatistics.Bin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns the database's histograms into Gini, KS, calibration bands and vintage curves. */
final class PerformanceAggregates {

    static final int BANDS = 10;

    private PerformanceAggregates() {}

    /**
     * Ranks by the model's probability of bad where every loan has one (higher = riskier), else by the
     * score (higher = safer, as scorecards and scaled classifiers give it).
     */
    static boolean byProbability(List<ScoreBin> bins) {
        return !bins.isEmpty() && bins.stream().allMatch(b -> b.probability() != null);
    }

    /** Bins of equal risk, safest first; {@code matured} counts matured loans only. */
    static List<Bin> riskBins(List<ScoreBin> bins, boolean matured) {
        boolean probability = byProbability(bins);
        TreeMap<Double, long[]> byRisk = new TreeMap<>();
        for (ScoreBin b : bins) {
            double risk = probability ? b.probability() : -b.score();
            long[] counts = byRisk.computeIfAbsent(risk, r -> new long[2]);
            if (matured) {
                counts[0] += b.matured() - b.maturedBad();
                counts[1] += b.maturedBad();
            } else {
                counts[0] += b.count() - b.bad();
                counts[1] += b.bad();
            }
        }
        List<Bin> ranked = new ArrayList<>();
        byRisk.forEach((risk, counts) -> ranked.add(new Bin(risk, counts[0], counts[1])));
        return ranked;
    }

    /** About {@link #BANDS} bands of equal count by score, never splitting loans of the same score. */
    static List<CalibrationBand> calibration(List<ScoreBin> bins) {
        List<ScoreBin> byScore = bins.stream()
                .sorted(Comparator.comparingDouble(ScoreBin::score))
                .toList();
        long total = byScore.stream().mapToLong(ScoreBin::count).sum();
        List<CalibrationBand> bands = new ArrayList<>();
        long cumulative = 0;
        int i = 0;
        while (i < byScore.size()) {
            double from = byScore.get(i).score();
            long count = 0;
            long bad = 0;
            double probabilitySum = 0;
            long probabilityCount = 0;
            double to = from;
            long boundary = total * (bands.size() + 1) / BANDS;
            do {
                double score = byScore.get(i).score();
                while (i < byScore.size() && byScore.get(i).score() == score) {
                    ScoreBin b = byScore.get(i++);
                    count += b.count();
                    bad += b.bad();
                    probabilitySum += b.probabilitySum();
                    probabilityCount += b.probabilityCount();
                }
                to = score;
            } while (i < byScore.size() && cumulative + count < boundary);
            cumulative += count;
            bands.add(new CalibrationBand(
                    from,
                    to,
                    count,
                    bad,
                    PerformanceReport.rate(bad, count),
                    Interval.of(PerformanceStatistics.wilson(bad, count)),
                    probabilityCount == 0 ? null : probabilitySum / probabilityCount));
        }
        return bands;
    }

    /** Per funding month, the cumulative share bad by each month on book up to the longest observed. */
    static List<Vintage> vintages(List<VintageCell> cells) {
        Map<String, List<VintageCell>> byMonth = new TreeMap<>();
        for (VintageCell cell : cells) {
            if (cell.fundedMonth() != null)
                byMonth.computeIfAbsent(cell.fundedMonth(), m -> new ArrayList<>())
                        .add(cell);
        }
        List<Vintage> vintages = new ArrayList<>();
        byMonth.forEach((month, monthCells) -> {
            long funded = monthCells.stream().mapToLong(VintageCell::count).sum();
            int observed = monthCells.stream()
                    .mapToInt(VintageCell::monthsObserved)
                    .max()
                    .orElse(0);
            long[] badBy = new long[observed + 1];
            for (VintageCell cell : monthCells) {
                if (cell.badMonth() != null) badBy[Math.min(observed, cell.badMonth())] += cell.count();
            }
            List<VintagePoint> points = new ArrayList<>();
            long cumulative = 0;
            for (int m = 0; m <= observed; m++) {
                cumulative += badBy[m];
                points.add(new VintagePoint(m, cumulative, (double) cumulative / funded));
            }
            vintages.add(new Vintage(month, funded, points));
        });
        return vintages;
    }
}
