package io.credence.simulation;

import io.credence.shared.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a finished backtest found, stored as JSON with the run. "against" is the version compared
 * with (usually the champion), "candidate" the version being tested. Rates are fractions of the
 * rows decided, rounded to four places; a rate with nothing to divide by is absent.
 *
 * @param matrix counts by the against version's outcome (outer key) and the candidate's (inner key);
 *     all nine cells, adding up to {@code rowsDecided}
 * @param badRates among approved rows that carry a good/bad label, per version
 * @param fileProblems problems with the file as a whole (its header), which are not rows
 * @param minBandCount the fewest applications an age band needs to take part in the four-fifths ratio
 * @param invalidRows the first {@value Tally#INVALID_SHOWN} rows rejected as invalid, with every reason;
 *     {@code rowsInvalid} counts them all
 * @param changedSample the first {@value Tally#CHANGED_SHOWN} rows whose outcome changed, with both results
 */
public record SimulationReport(
        long rowsRead,
        long rowsDecided,
        long rowsInvalid,
        long rowsLabelled,
        long rowsChanged,
        Map<String, Map<String, Long>> matrix,
        Compared<Double> approvalRates,
        Compared<Double> badRates,
        Compared<VersionStats> stats,
        List<AgeBandRates> ageBands,
        int minBandCount,
        Compared<FourFifths> fourFifths,
        List<InvalidRow> fileProblems,
        List<InvalidRow> invalidRows,
        List<ChangedDecision> changedSample,
        long elapsedMillis,
        long rowsPerSecond) {

    /** One figure for each of the two versions. */
    public record Compared<T>(T against, T candidate) {}

    /** One version's outcomes over the rows decided. Means are over approved rows only. */
    public record VersionStats(
            int version,
            long approved,
            long declined,
            long referred,
            long faults,
            Double approvalRate,
            Double declineRate,
            Double referRate,
            Double meanScore,
            Double meanApr,
            BigDecimal meanApprovedAmount,
            BigDecimal totalApprovedAmount,
            long labelledApproved,
            long badApproved,
            Double badRateAmongApproved) {}

    public record AgeBandRates(String band, long applications, Compared<BandRate> rates) {}

    public record BandRate(long approved, Double approvalRate) {}

    /**
     * The lowest age band's approval rate over the highest's, among bands with at least the minimum
     * count of applications; below 0.8 fails the four-fifths rule of thumb for disparate impact.
     * {@code ratio} is absent when fewer than two bands qualify or no band has any approval.
     */
    public record FourFifths(
            Double ratio,
            Boolean passes,
            String lowestBand,
            Double lowestRate,
            String highestBand,
            Double highestRate,
            int bandsCompared) {}

    /** A row that could not be decided: its line in the file (or position in the log) and every reason. */
    public record InvalidRow(long line, String applicationId, List<FieldProblem> errors)
            implements java.io.Serializable {}

    public record ChangedDecision(
            long line, String applicationId, Integer age, String label, Result against, Result candidate)
            implements java.io.Serializable {}

    /** One version's answer for one row. */
    public record Result(
            String outcome, BigDecimal score, List<String> reasons, BigDecimal apr, BigDecimal approvedAmount)
            implements java.io.Serializable {}
}
