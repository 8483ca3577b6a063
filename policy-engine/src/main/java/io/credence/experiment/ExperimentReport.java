package io.credence.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/**
 * An experiment with its statistics, as GET …/experiments/{id} answers: per arm ({@code champion},
 * {@code challenger}) the counts, rates, means and top reasons; the difference in approval rate with
 * its confidence interval (null until both arms have decided); in SHADOW mode the head-to-head; and the
 * difference in bad rate to date (challenger minus champion) once both arms have funded loans.
 */
public record ExperimentReport(
        @JsonUnwrapped Experiment experiment,
        Map<String, ArmStatistics> arms,
        ApprovalRateDifference approvalRateDifference,
        ShadowComparison shadow,
        CreditComparison.BadRateDifference badRateDifference) {}
