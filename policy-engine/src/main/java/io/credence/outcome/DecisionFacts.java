package io.credence.outcome;

import io.credence.decision.DecisionService;
import io.credence.decision.DecisionSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What this feature reads of the decision log, through the decision feature's public API only (no SQL
 * here names a decision table).
 */
@Component
class DecisionFacts {

    private final DecisionService decisions;

    DecisionFacts(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The decisions of these applications; applications never decided are absent. */
    Map<String, DecidedApplication> find(Collection<String> applicationIds) {
        Map<String, DecidedApplication> found = new HashMap<>();
        for (String id : applicationIds) {
            List<DecisionSummary> match = decisions.search(null, null, id, null, null, 1);
            if (match.isEmpty()) continue;
            DecisionSummary d = match.getFirst();
            found.put(id, new DecidedApplication(id, d.market(), d.policyVersion(), d.arm(), null, d.outcome(),
                    d.score() == null ? null : d.score().doubleValue(), null, d.evaluatedAt()));
        }
        return found;
    }

    /** How many applications each version decided and approved in a market and period. */
    record VersionDecisions(int version, long decided, long approved) {
    }

    List<VersionDecisions> decided(String market, Integer version, Instant from, Instant to) {
        return List.of();
    }
}
