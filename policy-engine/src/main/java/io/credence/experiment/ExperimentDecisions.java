package io.credence.experiment;

import io.credence.decision.DecisionLog;
import io.credence.decision.DecisionLog.OutcomeTotals;
import io.credence.experiment.ExperimentStatistics.Totals;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** An experiment's decisions, asked of the decision feature's log and put in the experiment's own terms. */
@Component
class ExperimentDecisions {

    private final DecisionLog log;

    ExperimentDecisions(DecisionLog log) {
        this.log = log;
    }

    /** Per arm, what the answered decisions were. */
    Map<String, Totals> answered(Experiment e) {
        Map<String, Totals> byArm = new TreeMap<>();
        log.answeredByArm(e.market(), e.id()).forEach((arm, totals) -> byArm.put(arm, totals(totals)));
        return byArm;
    }

    /** In a shadow experiment: what the challenger would have answered to the same applications. */
    Totals shadow(Experiment e) {
        return totals(log.shadowTotals(e.market(), e.id()));
    }

    /** The policy versions that answered in each arm. */
    Map<String, List<Integer>> versions(Experiment e) {
        return log.versionsByArm(e.market(), e.id());
    }

    /** Decisions per combination of reason codes, in one arm (or the shadow challenger's when {@code shadow}). */
    Map<String, Long> reasonCombinations(Experiment e, String arm, boolean shadow) {
        return log.reasonCombinations(e.market(), e.id(), arm, shadow);
    }

    List<ShadowComparison.OutcomePair> outcomePairs(Experiment e) {
        return log.outcomePairs(e.market(), e.id()).stream()
                .map(p -> new ShadowComparison.OutcomePair(p.answered(), p.challenger(), p.count()))
                .toList();
    }

    /** Approved by both versions, but for a different amount or at a different APR. */
    long differingTerms(Experiment e) {
        return log.differingTerms(e.market(), e.id());
    }

    List<ShadowComparison.DifferingDecision> differing(Experiment e, int limit) {
        return log.shadowDifferences(e.market(), e.id(), limit).stream()
                .map(d -> new ShadowComparison.DifferingDecision(
                        d.decisionId(),
                        d.applicationId(),
                        d.evaluatedAt(),
                        d.outcome(),
                        d.score(),
                        d.approvedAmount(),
                        d.challengerOutcome(),
                        d.challengerScore(),
                        d.challengerApprovedAmount(),
                        d.challengerReasonCodes()))
                .toList();
    }

    private static Totals totals(OutcomeTotals t) {
        return new Totals(
                t.count(), t.approvals(), t.declines(), t.refers(), t.meanScore(), t.meanApr(), t.meanApprovedAmount());
    }
}
