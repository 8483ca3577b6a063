package io.credence.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * One arm of an experiment, from the decision log: how many applications it decided and how.
 * Rates are fractions of {@code count}; the means leave out decisions without the figure (APR and
 * approved amount exist only for approvals), and are null when no decision had it.
 *
 * @param versions the policy versions that decided in this arm (the champion may change meanwhile)
 * @param topReasons the reason codes given most often in this arm, with the share of its decisions
 * @param credit what became of the arm's loans, flattened into the arm: funded, bad, badRateToDate…
 */
public record ArmStatistics(
        String arm,
        List<Integer> versions,
        long count,
        long approvals,
        long declines,
        long refers,
        double approvalRate,
        double declineRate,
        double referRate,
        Double meanScore,
        Double meanApr,
        Double meanApprovedAmount,
        List<ReasonCount> topReasons,
        @JsonUnwrapped ArmCredit credit) {

    public ArmStatistics {
        credit = credit == null ? ArmCredit.NONE : credit;
    }

    /** An arm before any outcome is known. */
    public ArmStatistics(
            String arm,
            List<Integer> versions,
            long count,
            long approvals,
            long declines,
            long refers,
            double approvalRate,
            double declineRate,
            double referRate,
            Double meanScore,
            Double meanApr,
            Double meanApprovedAmount,
            List<ReasonCount> topReasons) {
        this(
                arm,
                versions,
                count,
                approvals,
                declines,
                refers,
                approvalRate,
                declineRate,
                referRate,
                meanScore,
                meanApr,
                meanApprovedAmount,
                topReasons,
                ArmCredit.NONE);
    }

    ArmStatistics withCredit(ArmCredit figures) {
        return new ArmStatistics(
                arm,
                versions,
                count,
                approvals,
                declines,
                refers,
                approvalRate,
                declineRate,
                referRate,
                meanScore,
                meanApr,
                meanApprovedAmount,
                topReasons,
                figures);
    }

    public record ReasonCount(String code, long count, double share) {}
}
