package io.credence.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.credence.simulation.SimulationReport.AgeBandRates;
import io.credence.simulation.SimulationReport.ChangedDecision;
import io.credence.simulation.SimulationReport.Compared;
import io.credence.simulation.SimulationReport.FourFifths;
import io.credence.simulation.SimulationReport.InvalidRow;
import io.credence.simulation.SimulationReport.VersionStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A backtest as the API shows it: the run (status, {@code progress} 0-100, counts so far) and, once
 * COMPLETED, the report's figures. {@code version} is the candidate, {@code against} the version it is
 * compared with; {@code versionDigest} and {@code againstDigest} say exactly which content ran.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Simulation(
        String id,
        String market,
        int version,
        int against,
        String source,
        String fileName,
        Integer limit,
        int minBandCount,
        SimulationStatus status,
        int progress,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        String versionDigest,
        String againstDigest,
        long rowsRead,
        long rowsDecided,
        long rowsInvalid,
        Long rowsLabelled,
        Long rowsChanged,
        Map<String, Map<String, Long>> matrix,
        Compared<Double> approvalRates,
        Compared<Double> badRates,
        Compared<VersionStats> stats,
        List<AgeBandRates> ageBands,
        Compared<FourFifths> fourFifths,
        List<InvalidRow> fileProblems,
        List<InvalidRow> invalidRows,
        List<ChangedDecision> changedSample,
        Long elapsedMillis,
        Long rowsPerSecond,
        String labels) {

    /** What a backtest over logged decisions says about its labels, which come from loan outcomes. */
    static final String OUTCOME_LABELS = "Labels come from loan outcomes: %d of %d logged applications had a known "
            + "outcome (bad, or good once matured). Applications the champion declined were never funded and have "
            + "none, nor do approved loans not taken up or not yet matured; the bad rates cover labelled approvals "
            + "only and infer nothing about rejects.";

    static Simulation of(SimulationRepository.Stored run, SimulationRequest request, SimulationReport report) {
        boolean done = report != null;
        return new Simulation(
                run.id(),
                run.market(),
                run.version(),
                run.against(),
                run.source(),
                run.fileName(),
                request.limit(),
                request.minBandCount() == null ? SimulationRequest.DEFAULT_MIN_BAND_COUNT : request.minBandCount(),
                run.status(),
                run.progress(),
                run.createdBy(),
                run.createdAt(),
                run.startedAt(),
                run.finishedAt(),
                run.error(),
                run.versionDigest(),
                run.againstDigest(),
                run.rowsRead(),
                run.rowsDecided(),
                run.rowsInvalid(),
                done ? report.rowsLabelled() : null,
                done ? report.rowsChanged() : null,
                done ? report.matrix() : null,
                done ? report.approvalRates() : null,
                done ? report.badRates() : null,
                done ? report.stats() : null,
                done ? report.ageBands() : null,
                done ? report.fourFifths() : null,
                done ? report.fileProblems() : null,
                done ? report.invalidRows() : null,
                done ? report.changedSample() : null,
                done ? report.elapsedMillis() : null,
                done ? report.rowsPerSecond() : null,
                done && SimulationRequest.DECISIONS.equals(run.source())
                        ? OUTCOME_LABELS.formatted(report.rowsLabelled(), report.rowsDecided())
                        : null);
    }

    /** The same run without its row lists, for listings. */
    public Simulation summary() {
        return new Simulation(
                id,
                market,
                version,
                against,
                source,
                fileName,
                limit,
                minBandCount,
                status,
                progress,
                createdBy,
                createdAt,
                startedAt,
                finishedAt,
                error,
                versionDigest,
                againstDigest,
                rowsRead,
                rowsDecided,
                rowsInvalid,
                rowsLabelled,
                rowsChanged,
                matrix,
                approvalRates,
                badRates,
                stats,
                ageBands,
                fourFifths,
                null,
                null,
                null,
                elapsedMillis,
                rowsPerSecond,
                labels);
    }
}
