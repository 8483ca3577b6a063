package io.credence.decision;

import io.credence.deployment.CompiledPolicies;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.Contribution;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * How each part of the risk model contributed to a logged decision's score. Decisions do not store it:
 * the stored request is scored again, with the context it saw, on the exact version that decided, as a
 * replay is; so a decision whose request was purged has none.
 */
@Service
public class DecisionContributions {

    private final DecisionRepository repository;
    private final CompiledPolicies compiledPolicies;
    private final JsonMapper json;

    DecisionContributions(DecisionRepository repository, CompiledPolicies compiledPolicies, JsonMapper json) {
        this.repository = repository;
        this.compiledPolicies = compiledPolicies;
        this.json = json;
    }

    public Contribution.Explanation of(String decisionId) {
        if (decisionId == null || decisionId.length() > 64) throw new NotFoundException("No such decision.");
        StoredDecision stored =
                repository.find(decisionId).orElseThrow(() -> new NotFoundException("No decision " + decisionId + "."));
        if (stored.requestJson() == null) {
            throw new StateConflictException(
                    "Decision " + decisionId + "'s request was purged under the retention policy.");
        }
        CompiledPolicy policy = compiledPolicies.get(stored.market(), stored.policyVersion());
        if (!policy.digest().equals(stored.policyDigest())) {
            throw new StateConflictException("Version " + stored.policyVersion() + " of " + stored.market()
                    + " no longer has the digest that made this decision.");
        }
        return policy.explain(
                json.readValue(stored.requestJson(), LoanApplication.class),
                json.readValue(stored.contextJson(), Enrichment.class));
    }
}
