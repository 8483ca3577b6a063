package io.credence.experiment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One experiment as stored. {@code championVersion} is the champion when it started;
 * {@code maxApprovalRateDifference} and {@code minimumSample} are its guard rail, if it has one.
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
        String endReason) {

    public boolean hasGuardRail() {
        return maxApprovalRateDifference != null;
    }
}
