package io.credence.outcome;

import io.credence.decision.DecisionLog;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What this feature reads of the decision log, through the decision feature's public DecisionLog only
 * (no SQL here names a decision table).
 */
@Component
class DecisionFacts {

    private static final int CHUNK = 500;

    private final DecisionLog log;

    DecisionFacts(DecisionLog log) {
        this.log = log;
    }

    /** The decisions of these applications; applications never decided are absent. */
    Map<String, DecidedApplication> find(Collection<String> applicationIds) {
        Map<String, DecidedApplication> found = new HashMap<>();
        List<String> ids = List.copyOf(applicationIds);
        for (int start = 0; start < ids.size(); start += CHUNK) {
            for (DecisionLog.LoggedDecision d :
                    log.findByApplications(ids.subList(start, Math.min(ids.size(), start + CHUNK)))) {
                found.put(
                        d.applicationId(),
                        new DecidedApplication(
                                d.applicationId(),
                                d.market(),
                                d.policyVersion(),
                                d.arm(),
                                d.experimentId(),
                                d.outcome(),
                                d.score() == null ? null : d.score().doubleValue(),
                                d.probability(),
                                d.evaluatedAt()));
            }
        }
        return found;
    }

    /** How many applications each version decided and approved in a market and period. */
    record VersionDecisions(int version, long decided, long approved) {}

    List<VersionDecisions> decided(String market, Integer version, Instant from, Instant to) {
        return log.countsByVersion(market, version, from, to).stream()
                .map(c -> new VersionDecisions(c.version(), c.decided(), c.approved()))
                .toList();
    }
}
