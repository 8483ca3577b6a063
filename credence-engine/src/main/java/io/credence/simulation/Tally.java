package io.credence.simulation;

import io.credence.engine.EngineResult;
import io.credence.engine.Reason;
import io.credence.shared.FieldProblem;
import io.credence.simulation.SimulationReport.AgeBandRates;
import io.credence.simulation.SimulationReport.BandRate;
import io.credence.simulation.SimulationReport.ChangedDecision;
import io.credence.simulation.SimulationReport.Compared;
import io.credence.simulation.SimulationReport.FourFifths;
import io.credence.simulation.SimulationReport.InvalidRow;
import io.credence.simulation.SimulationReport.Result;
import io.credence.simulation.SimulationReport.VersionStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts for a backtest, built per chunk of rows by one worker and merged in row order, so the
 * samples keep the first rows of the file whichever thread decided them. Not thread-safe.
 * Serializable because the Spark backtest ships each partition's tally back to its driver to merge.
 */
final class Tally implements java.io.Serializable {

    static final int INVALID_SHOWN = 1000;
    static final int CHANGED_SHOWN = 50;
    static final List<String> OUTCOMES = List.of("APPROVE", "DECLINE", "REFER");
    private static final AgeBand[] BANDS = AgeBand.values();

    private final long[][] matrix = new long[3][3];
    private final Side against = new Side();
    private final Side candidate = new Side();
    private final long[] applicationsByBand = new long[BANDS.length];
    private final List<InvalidRow> invalid = new ArrayList<>();
    private final List<ChangedDecision> changed = new ArrayList<>();
    private long rowsInvalid;
    private long rowsChanged;
    private long rowsLabelled;

    /** What one version decided across the rows, with sums for its means. */
    private static final class Side implements java.io.Serializable {
        final long[] outcomes = new long[3];
        final long[] approvedByBand = new long[BANDS.length];
        long faults;
        long scored;
        double scoreSum;
        long priced;
        double aprSum;
        BigDecimal amountSum = BigDecimal.ZERO;
        long labelledApproved;
        long badApproved;

        void add(EngineResult result, int band, Boolean bad) {
            int outcome = index(result.outcome());
            outcomes[outcome]++;
            if (result.fault() != null) faults++;
            if (result.score() != null) {
                scored++;
                scoreSum += result.score().doubleValue();
            }
            if (outcome == 0) {
                approvedByBand[band]++;
                if (result.apr() != null) {
                    priced++;
                    aprSum += result.apr().doubleValue();
                }
                if (result.approvedAmount() != null) amountSum = amountSum.add(result.approvedAmount());
                if (bad != null) {
                    labelledApproved++;
                    if (bad) badApproved++;
                }
            }
        }

        void merge(Side other) {
            for (int i = 0; i < 3; i++) outcomes[i] += other.outcomes[i];
            for (int i = 0; i < BANDS.length; i++) approvedByBand[i] += other.approvedByBand[i];
            faults += other.faults;
            scored += other.scored;
            scoreSum += other.scoreSum;
            priced += other.priced;
            aprSum += other.aprSum;
            amountSum = amountSum.add(other.amountSum);
            labelledApproved += other.labelledApproved;
            badApproved += other.badApproved;
        }

        VersionStats stats(int version, long decided) {
            long approved = outcomes[0];
            return new VersionStats(
                    version,
                    approved,
                    outcomes[1],
                    outcomes[2],
                    faults,
                    rate(approved, decided),
                    rate(outcomes[1], decided),
                    rate(outcomes[2], decided),
                    scored == 0 ? null : round(scoreSum / scored, 2),
                    priced == 0 ? null : round(aprSum / priced, 4),
                    approved == 0
                            ? null
                            : plain(amountSum.divide(BigDecimal.valueOf(approved), 2, RoundingMode.HALF_UP)),
                    plain(amountSum),
                    labelledApproved,
                    badApproved,
                    rate(badApproved, labelledApproved));
        }
    }

    /** A row both versions decided. {@code bad} is the label: null when the row has none. */
    void decided(
            long line,
            String applicationId,
            int age,
            String label,
            EngineResult againstResult,
            EngineResult candidateResult) {
        int band = AgeBand.of(age).ordinal();
        Boolean bad = label == null ? null : label.equals("bad");
        if (bad != null) rowsLabelled++;
        applicationsByBand[band]++;
        against.add(againstResult, band, bad);
        candidate.add(candidateResult, band, bad);
        matrix[index(againstResult.outcome())][index(candidateResult.outcome())]++;
        if (!againstResult.outcome().equals(candidateResult.outcome())) {
            rowsChanged++;
            if (changed.size() < CHANGED_SHOWN) {
                changed.add(new ChangedDecision(
                        line, applicationId, age, label, result(againstResult), result(candidateResult)));
            }
        }
    }

    void invalid(long line, String applicationId, List<FieldProblem> errors) {
        rowsInvalid++;
        if (invalid.size() < INVALID_SHOWN) invalid.add(new InvalidRow(line, applicationId, List.copyOf(errors)));
    }

    long rowsDecided() {
        return against.outcomes[0] + against.outcomes[1] + against.outcomes[2];
    }

    long rowsInvalid() {
        return rowsInvalid;
    }

    /** Adds a later chunk's counts; its samples come after this one's. */
    void merge(Tally later) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) matrix[i][j] += later.matrix[i][j];
        }
        against.merge(later.against);
        candidate.merge(later.candidate);
        for (int i = 0; i < BANDS.length; i++) applicationsByBand[i] += later.applicationsByBand[i];
        for (InvalidRow row : later.invalid) {
            if (invalid.size() < INVALID_SHOWN) invalid.add(row);
        }
        for (ChangedDecision row : later.changed) {
            if (changed.size() < CHANGED_SHOWN) changed.add(row);
        }
        rowsInvalid += later.rowsInvalid;
        rowsChanged += later.rowsChanged;
        rowsLabelled += later.rowsLabelled;
    }

    SimulationReport report(
            int againstVersion,
            int candidateVersion,
            int minBandCount,
            List<InvalidRow> fileProblems,
            long elapsedMillis) {
        long decided = rowsDecided();
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (int j = 0; j < 3; j++) row.put(OUTCOMES.get(j), matrix[i][j]);
            cells.put(OUTCOMES.get(i), row);
        }
        VersionStats againstStats = against.stats(againstVersion, decided);
        VersionStats candidateStats = candidate.stats(candidateVersion, decided);
        List<AgeBandRates> bands = new ArrayList<>();
        for (AgeBand band : BANDS) {
            long applications = applicationsByBand[band.ordinal()];
            if (applications == 0) continue;
            bands.add(new AgeBandRates(
                    band.label(),
                    applications,
                    new Compared<>(bandRate(against, band, applications), bandRate(candidate, band, applications))));
        }
        long read = decided + rowsInvalid;
        return new SimulationReport(
                read,
                decided,
                rowsInvalid,
                rowsLabelled,
                rowsChanged,
                cells,
                new Compared<>(againstStats.approvalRate(), candidateStats.approvalRate()),
                new Compared<>(againstStats.badRateAmongApproved(), candidateStats.badRateAmongApproved()),
                new Compared<>(againstStats, candidateStats),
                bands,
                minBandCount,
                new Compared<>(fourFifths(against, minBandCount), fourFifths(candidate, minBandCount)),
                List.copyOf(fileProblems),
                List.copyOf(invalid),
                List.copyOf(changed),
                elapsedMillis,
                elapsedMillis == 0 ? read * 1000 : Math.round(read * 1000.0 / elapsedMillis));
    }

    private static BandRate bandRate(Side side, AgeBand band, long applications) {
        long approved = side.approvedByBand[band.ordinal()];
        return new BandRate(approved, rate(approved, applications));
    }

    private FourFifths fourFifths(Side side, int minBandCount) {
        AgeBand lowest = null;
        AgeBand highest = null;
        double lowestRate = 0;
        double highestRate = 0;
        int compared = 0;
        for (AgeBand band : BANDS) {
            long applications = applicationsByBand[band.ordinal()];
            if (!band.compared() || applications < minBandCount || applications == 0) continue;
            compared++;
            double rate = side.approvedByBand[band.ordinal()] / (double) applications;
            if (lowest == null || rate < lowestRate) {
                lowest = band;
                lowestRate = rate;
            }
            if (highest == null || rate > highestRate) {
                highest = band;
                highestRate = rate;
            }
        }
        if (compared < 2) return new FourFifths(null, null, null, null, null, null, compared);
        if (highestRate == 0) {
            return new FourFifths(null, null, lowest.label(), 0.0, highest.label(), 0.0, compared);
        }
        double ratio = lowestRate / highestRate;
        return new FourFifths(
                round(ratio, 4),
                ratio >= 0.8,
                lowest.label(),
                round(lowestRate, 4),
                highest.label(),
                round(highestRate, 4),
                compared);
    }

    private static Result result(EngineResult result) {
        return new Result(
                result.outcome(),
                result.score(),
                result.reasons().stream().map(Reason::code).toList(),
                result.apr(),
                result.approvedAmount());
    }

    private static int index(String outcome) {
        return switch (outcome) {
            case "APPROVE" -> 0;
            case "DECLINE" -> 1;
            case "REFER" -> 2;
            default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        };
    }

    private static Double rate(long count, long of) {
        return of == 0 ? null : round(count / (double) of, 4);
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
