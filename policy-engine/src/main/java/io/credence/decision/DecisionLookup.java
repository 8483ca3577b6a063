package io.credence.decision;

import io.credence.deployment.CompiledPolicies;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.EngineResult;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.security.ApiKeyPrincipal;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds and replays decisions. A loan system sees only its own: another key's decision is not found,
 * exactly as one that does not exist, so ids cannot be probed. People see every decision, masked
 * unless they may read personal data.
 */
@Service
public class DecisionLookup {

    private final DecisionRepository repository;
    private final CompiledPolicies compiledPolicies;
    private final JsonMapper json;
    private final Clock clock;

    DecisionLookup(DecisionRepository repository, CompiledPolicies compiledPolicies, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.compiledPolicies = compiledPolicies;
        this.json = json;
        this.clock = clock;
    }

    /** Any decision, for people (users with roles); {@code unmasked} shows personal data. */
    public DecisionRecord find(String decisionId, boolean unmasked) {
        return record(load(decisionId), unmasked);
    }

    /** One of the decisions {@code apiKey} made, masked; any other is not found. */
    public DecisionRecord findOwn(String decisionId, ApiKeyPrincipal apiKey) {
        return record(loadOwn(decisionId, apiKey), false);
    }

    public List<DecisionSummary> search(
            @Nullable String market,
            @Nullable String outcome,
            @Nullable String applicationId,
            @Nullable Instant from,
            @Nullable Instant to,
            int limit) {
        return repository.search(market, outcome, applicationId, from, to, Math.max(1, Math.min(limit, 1000)));
    }

    /** Re-runs the stored request, with the context it saw, on the exact version that decided it. */
    public ReplayResult replay(String decisionId) {
        return replay(load(decisionId));
    }

    /** Replays one of the decisions {@code apiKey} made; any other is not found. */
    public ReplayResult replayOwn(String decisionId, ApiKeyPrincipal apiKey) {
        return replay(loadOwn(decisionId, apiKey));
    }

    private DecisionRecord record(StoredDecision stored, boolean unmasked) {
        JsonNode request = stored.requestJson() == null ? null : json.readTree(stored.requestJson());
        return new DecisionRecord(
                json.readValue(stored.resultJson(), DecisionResponse.class),
                unmasked ? request : PersonalDataMask.mask(request),
                json.readValue(stored.contextJson(), Enrichment.class),
                unmasked || stored.fault() == null || stored.requestJson() == null
                        ? stored.fault()
                        : PersonalDataMask.scrub(
                                stored.fault(), json.readValue(stored.requestJson(), LoanApplication.class)),
                !unmasked,
                stored.challengerJson() == null
                        ? null
                        : json.readValue(stored.challengerJson(), DecisionResponse.class));
    }

    private ReplayResult replay(StoredDecision stored) {
        String decisionId = stored.id();
        if (stored.requestJson() == null) {
            throw new StateConflictException(
                    "Decision " + decisionId + "'s request was purged under the retention policy.");
        }
        DecisionResponse original = json.readValue(stored.resultJson(), DecisionResponse.class);
        LoanApplication request = json.readValue(stored.requestJson(), LoanApplication.class);
        Enrichment context = json.readValue(stored.contextJson(), Enrichment.class);
        CompiledPolicy policy = compiledPolicies.get(stored.market(), stored.policyVersion());
        if (!policy.digest().equals(stored.policyDigest())) {
            throw new StateConflictException("Version " + stored.policyVersion() + " of " + stored.market()
                    + " no longer has the digest that made this decision.");
        }
        EngineResult result = policy.decide(request, context);
        DecisionResponse replayed = DecisionResponse.of(
                decisionId,
                request,
                policy,
                original.policy().arm(),
                result,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        boolean matches = original.outcome().equals(replayed.outcome())
                && same(original.score(), replayed.score())
                && Objects.equals(original.probability(), replayed.probability())
                && original.reasons().equals(replayed.reasons())
                && same(original.approvedAmount(), replayed.approvedAmount())
                && same(original.apr(), replayed.apr())
                && original.rulesFired().equals(replayed.rulesFired());
        return new ReplayResult(replayed, matches, original);
    }

    private StoredDecision load(@Nullable String decisionId) {
        if (decisionId == null || decisionId.length() > 64) throw new NotFoundException("No such decision.");
        return repository.find(decisionId).orElseThrow(() -> new NotFoundException("No decision " + decisionId + "."));
    }

    /**
     * Another key's decision answers exactly as a decision that does not exist, so ids cannot be probed;
     * the key's own decision in a market it has since been taken off is refused as that market is.
     */
    private StoredDecision loadOwn(String decisionId, ApiKeyPrincipal apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        StoredDecision stored = load(decisionId);
        if (!apiKey.keyId().equals(stored.apiKeyId())) throw new NotFoundException("No decision " + decisionId + ".");
        apiKey.requireMarket(stored.market());
        return stored;
    }

    private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
