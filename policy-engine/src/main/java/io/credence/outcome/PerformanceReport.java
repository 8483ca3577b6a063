package io.credence.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/v1/markets/{market}/performance: per policy version, what became of the loans it decided.
 * Rates are fractions with their 95% Wilson interval ({@code …Interval}); a rate without a denominator
 * is null, and so is its interval.
 */
public record PerformanceReport(
        String market, LocalDate from, LocalDate to, Definition definition, List<VersionPerformance> versions) {

    /** The market's performance definition the report applies (market.json → performance). */
    public record Definition(int badDaysPastDue, int windowMonths) {}

    public record Interval(double lower, double upper) {

        static Interval of(PerformanceStatistics.Rate rate) {
            return rate == null ? null : new Interval(rate.lower(), rate.upper());
        }
    }

    /**
     * @param decided applications the version decided in the period (from the decision log)
     * @param reported applications with at least one outcome record
     * @param gini Gini of the model's score against bad-so-far over funded loans; null without both
     * @param calibration funded loans by score band (about ten bands of equal count), lowest score first
     */
    public record VersionPerformance(
            int version,
            long decided,
            long approved,
            Double approvalRate,
            Interval approvalRateInterval,
            long reported,
            long funded,
            Double takeUpRate,
            Interval takeUpRateInterval,
            long bad,
            Double badRateToDate,
            Interval badRateToDateInterval,
            long matured,
            Double badRate,
            Interval badRateInterval,
            BigDecimal lossAmount,
            Double gini,
            Double ks,
            Double giniMatured,
            Double ksMatured,
            String rankedBy,
            List<CalibrationBand> calibration,
            List<Vintage> vintages) {}

    /** Funded loans whose score lies in [scoreFrom, scoreTo]. */
    public record CalibrationBand(
            double scoreFrom,
            double scoreTo,
            long count,
            long bad,
            Double badRate,
            Interval badRateInterval,
            Double meanProbability) {}

    /**
     * Loans funded in one month and, per month on book, the share of them bad by then (cumulative), up to
     * the longest any of them has been observed.
     */
    public record Vintage(String fundedMonth, long funded, List<VintagePoint> points) {}

    public record VintagePoint(int monthsOnBook, long bad, double badRate) {}

    static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
