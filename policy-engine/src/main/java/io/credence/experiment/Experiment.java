package io.credence.experiment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One experiment as stored. {@code championVersion} is the champion when it started;
 * {@code maxApprovalRateDifference} and {@code minimumSample} are its guard rail, if it has one;
 * {@code maxBadRateDifference} the second one, on the bad rate of its loans.
 */
public record Experiment(
        String id,
        String market,
        int challengerVersion,
        int championVersion,
        ExperimentMode mode,
        int trafficPercent,
        BigDecimal maxApprovalRateDifference,
        Integer minimumSample,
        ExperimentStatus status,
        String startedBy,
        Instant startedAt,
        String endedBy,
        Instant endedAt,
        String endReason,
        BigDecimal maxBadRateDifference) {

    /** An experiment without a bad-rate guard rail. */
    public Experiment(
            String id,
            String market,
            int challengerVersion,
            int championVersion,
            ExperimentMode mode,
            int trafficPercent,
            BigDecimal maxApprovalRateDifference,
            Integer minimumSample,
            ExperimentStatus status,
            String startedBy,
            Instant startedAt,
            String endedBy,
            Instant endedAt,
            String endReason) {
        this(
                id,
                market,
                challengerVersion,
                championVersion,
                mode,
                trafficPercent,
                maxApprovalRateDifference,
                minimumSample,
                status,
                startedBy,
                startedAt,
                endedBy,
                endedAt,
                endReason,
                null);
    }

    public boolean hasGuardRail() {
        return maxApprovalRateDifference != null || maxBadRateDifference != null;
    }
}
