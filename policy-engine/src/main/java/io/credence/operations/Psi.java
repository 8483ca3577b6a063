package io.credence.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The population stability index of the last hour's scores against the baseline's:
 * {@code sum over bins of (current% - baseline%) * ln(current% / baseline%)}. The bins are the
 * baseline's deciles, so each holds about a tenth of the baseline; 0.1 is a small shift, above 0.25 a
 * population that no longer looks like the one the policy was set for.
 */
final class Psi {

    static final int BINS = 10;
    /** Stands in for an empty bin's share, which would otherwise make the logarithm infinite. */
    static final double EPSILON = 0.0001;

    private Psi() {}

    /**
     * The upper bounds of the first nine bins: the smallest score with at least k tenths of the
     * baseline at or below it. Scores are whole numbers, so several deciles can fall on one score;
     * those bins merge and there are fewer than ten.
     */
    static List<Integer> cuts(ScoreHistogram baseline) {
        long total = baseline.total();
        List<Integer> cuts = new ArrayList<>();
        if (total == 0) return cuts;
        long cumulative = 0;
        int k = 1;
        for (Map.Entry<Integer, Long> entry : baseline.counts().entrySet()) {
            cumulative += entry.getValue();
            // Exact integer comparison of cumulative/total >= k/BINS.
            while (k < BINS && cumulative * BINS >= k * total) {
                if (cuts.isEmpty() || cuts.getLast() < entry.getKey()) cuts.add(entry.getKey());
                k++;
            }
        }
        return cuts;
    }

    /** Each bin's share of the histogram; bin i holds the scores above cut i-1 and up to cut i. */
    static double[] shares(ScoreHistogram scores, List<Integer> cuts) {
        double[] shares = new double[cuts.size() + 1];
        long total = scores.total();
        if (total == 0) return shares;
        for (Map.Entry<Integer, Long> entry : scores.counts().entrySet()) {
            int bin = 0;
            while (bin < cuts.size() && entry.getKey() > cuts.get(bin)) bin++;
            shares[bin] += entry.getValue();
        }
        for (int i = 0; i < shares.length; i++) shares[i] /= total;
        return shares;
    }

    static double index(ScoreHistogram baseline, ScoreHistogram current) {
        List<Integer> cuts = cuts(baseline);
        double[] expected = shares(baseline, cuts);
        double[] actual = shares(current, cuts);
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(expected[i], EPSILON);
            double a = Math.max(actual[i], EPSILON);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}
