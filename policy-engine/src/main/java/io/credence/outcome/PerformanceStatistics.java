package io.credence.outcome;

import java.util.List;

/**
 * The statistics of credit performance, as plain arithmetic over counts the database aggregates.
 * Checked against hand-worked cases and against scikit-learn (see PerformanceStatisticsTest and its
 * reference script).
 */
public final class PerformanceStatistics {

    /** The 97.5th percentile of the standard normal: a two-sided 95% interval. */
    public static final double Z_95 = 1.959963984540054;

    private PerformanceStatistics() {}

    /** A rate with its 95% interval. */
    public record Rate(long numerator, long denominator, double rate, double lower, double upper) {}

    /**
     * The Wilson score interval of {@code successes} out of {@code n}: unlike the Wald interval it stays
     * inside [0, 1] and is sensible for the small counts and rare events of young loan books. Null for
     * n = 0, where there is no rate.
     */
    public static Rate wilson(long successes, long n) {
        if (n <= 0) return null;
        if (successes < 0 || successes > n) throw new IllegalArgumentException(successes + " out of " + n);
        double p = (double) successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double margin = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Rate(successes, n, p, Math.max(0, centre - margin), Math.min(1, centre + margin));
    }

    /**
     * The second proportion minus the first, with its 95% (unpooled, Wald) interval, and the two-sided
     * p-value of the pooled two-proportion z-test. Significant when the interval excludes zero, the same
     * reading as the experiment's approval-rate difference. Null unless both have a denominator.
     */
    public record Difference(
            double first,
            double second,
            double difference,
            double lower,
            double upper,
            double z,
            double pValue,
            boolean significant) {}

    public static Difference difference(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0) return null;
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p2 - p1;
        double margin = Z_95 * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double z = se == 0 ? 0 : d / se;
        double pValue = se == 0 ? 1 : 2 * (1 - normalCdf(Math.abs(z)));
        double lower = d - margin;
        double upper = d + margin;
        return new Difference(p1, p2, d, lower, upper, z, pValue, lower > 0 || upper < 0);
    }

    /**
     * A bin of loans sharing one risk value: how many turned out good and how many bad. Bins must come
     * sorted by risk, lowest (safest) first.
     */
    public record Bin(double risk, long goods, long bads) {}

    /**
     * The probability that a bad loan was ranked riskier than a good one, ties counting half (the area
     * under the ROC curve). Null unless there are both goods and bads.
     */
    public static Double auc(List<Bin> bins) {
        long goods = goods(bins);
        long bads = bads(bins);
        if (goods == 0 || bads == 0) return null;
        double pairs = 0;
        long goodsBelow = 0;
        for (Bin bin : bins) {
            pairs += bin.bads() * (goodsBelow + 0.5 * bin.goods());
            goodsBelow += bin.goods();
        }
        return pairs / ((double) goods * bads);
    }

    private static long goods(List<Bin> bins) {
        return bins.stream().mapToLong(Bin::goods).sum();
    }

    private static long bads(List<Bin> bins) {
        return bins.stream().mapToLong(Bin::bads).sum();
    }

    /** Gini = 2·AUC − 1; null unless there are both goods and bads. */
    public static Double gini(List<Bin> bins) {
        Double auc = auc(bins);
        return auc == null ? null : 2 * auc - 1;
    }

    /**
     * Kolmogorov–Smirnov: the largest gap between the cumulative distributions of goods and of bads over
     * the risk values (loans with the same value step together). Null unless there are both.
     */
    public static Double ks(List<Bin> bins) {
        long goods = goods(bins);
        long bads = bads(bins);
        if (goods == 0 || bads == 0) return null;
        long cumulativeGoods = 0;
        long cumulativeBads = 0;
        double ks = 0;
        for (Bin bin : bins) {
            cumulativeGoods += bin.goods();
            cumulativeBads += bin.bads();
            ks = Math.max(ks, Math.abs((double) cumulativeGoods / goods - (double) cumulativeBads / bads));
        }
        return ks;
    }

    /** Φ(x), the standard normal distribution function. */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** erfc by the Chebyshev approximation of Numerical Recipes (erfcc; relative error below 1.2e-7). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
