package io.credence.decision;

import io.credence.deployment.ChampionRegistry;
import io.credence.deployment.CompiledPolicies;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.EngineResult;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.engine.LoanApplicationParser;
import io.credence.fraud.FraudLists;
import io.credence.security.ApiKeyPrincipal;
import io.credence.shared.Hashing;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes, stores, finds and replays decisions. A decision is written to the log before it is
 * answered, so a 200 is never lost; the same application sent again gets the stored answer.
 *
 * <p>Each decision records the API key that asked for it. A loan system sees only its own: another
 * key's decision is not found, and an application id another key (or, before keys were recorded,
 * anyone) already used is a conflict that tells nothing of that decision. People see every decision.
 */
@Service
public class DecisionService {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    private final ChampionRegistry champions;
    private final CompiledPolicies compiledPolicies;
    private final FraudLists fraudLists;
    private final DecisionRepository repository;
    private final DecisionLogPartitions partitions;
    private final DecisionRouting experiments;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final DecisionLogWrites logWrites;
    private final Clock clock;

    DecisionService(ChampionRegistry champions, CompiledPolicies compiledPolicies, FraudLists fraudLists,
            DecisionRepository repository, DecisionLogPartitions partitions, DecisionRouting experiments,
            JsonMapper json, ApplicationEventPublisher events, DecisionLogWrites logWrites, Clock clock) {
        this.champions = champions;
        this.compiledPolicies = compiledPolicies;
        this.fraudLists = fraudLists;
        this.repository = repository;
        this.partitions = partitions;
        this.experiments = experiments;
        this.json = json;
        this.events = events;
        this.logWrites = logWrites;
        this.clock = clock;
    }

    /** Decides for the loan system holding {@code apiKey}, in one of the markets the key may use. */
    public DecisionResponse decide(String body, ApiKeyPrincipal apiKey) {
        // Every line logged while deciding carries the decision's ids and market (structured logs show
        // them as fields); they come off the thread however the call ends.
        try {
            return decideLogged(body, java.util.Objects.requireNonNull(apiKey, "apiKey"));
        } finally {
            MDC.remove("decisionId");
            MDC.remove("applicationId");
            MDC.remove("market");
        }
    }

    private DecisionResponse decideLogged(String body, ApiKeyPrincipal apiKey) {
        String apiKeyId = apiKey.keyId();
        // The champion is looked up while parsing, so that one 400 lists the request's own problems and
        // those only its market's settings can judge (currency, score scale) together. A market the key
        // may not use is refused there, before any of its problems are listed.
        var champion = new java.util.concurrent.atomic.AtomicReference<CompiledPolicy>();
        LoanApplication request = LoanApplicationParser.parse(body, market -> {
            apiKey.requireMarket(market);
            return champions.champion(market)
                    .map(policy -> {
                        champion.set(policy);
                        return List.of(policy.settings());
                    })
                    .orElse(List.of());
        });
        MDC.put("applicationId", request.applicationId());
        MDC.put("market", request.market());
        CompiledPolicy policy = champion.get();
        if (policy == null) throw new NotFoundException("Market " + request.market() + " has no policy deployed.");

        String requestJson = json.writeValueAsString(request);
        String requestHash = "sha256:" + Hashing.sha256Hex(requestJson);
        var existing = repository.findByApplicationId(request.applicationId());
        if (existing.isPresent()) return sameOrConflict(existing.get(), requestHash, apiKeyId);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String customerKey = key(request.market(), "customer", request.applicant().customerId());
        String deviceKey = request.device() == null ? null : key(request.market(), "device", request.device().fingerprint());
        Enrichment enrichment = new Enrichment(
                deviceKey == null ? 0 : repository.countByDeviceSince(deviceKey, now.minus(Duration.ofHours(24))),
                repository.countByCustomerSince(customerKey, now.minus(Duration.ofDays(30))),
                fraudLists.matches(request.market(), request.applicant().customerId(),
                        request.device() == null ? null : request.device().fingerprint()));

        DecisionRouting.Route route = experiments.route(policy, request.applicant().customerId());
        EngineResult result = route.policy().decide(request, enrichment);
        // A shadow challenger decides the same application in the same context; its result is stored
        // beside the answer and never returned.
        EngineResult shadow = route.shadow() == null ? null : route.shadow().decide(request, enrichment);
        String decisionId = UUID.randomUUID().toString();
        MDC.put("decisionId", decisionId);
        DecisionResponse response = response(decisionId, request, route.policy(), route.arm(), result, now);
        String shadowJson = shadow == null ? null : json.writeValueAsString(
                response(decisionId, request, route.shadow(), DecisionRouting.CHALLENGER, shadow, now));
        if (result.fault() != null) {
            log.warn("Policy fault in decision {} (application {}, market {}, v{}): {}", decisionId,
                    request.applicationId(), request.market(), route.policy().version(),
                    PersonalDataMask.scrub(result.fault(), request));
        }
        if (shadow != null && shadow.fault() != null) {
            log.warn("Policy fault in the shadow of decision {} (application {}, market {}, challenger v{}): {}",
                    decisionId, request.applicationId(), request.market(), route.shadow().version(),
                    PersonalDataMask.scrub(shadow.fault(), request));
        }
        partitions.ensure(request.market());
        try {
            logWrites.store(new DecisionRepository.NewDecision(decisionId,
                    request.applicationId(), request.market(), result.outcome(), result.score(),
                    route.policy().version(), route.policy().digest(), route.arm(),
                    route.experimentId(), requestHash, requestJson, json.writeValueAsString(response),
                    json.writeValueAsString(enrichment), customerKey, deviceKey, result.durationMicros(), now,
                    truncate(result.fault()), result, shadow, shadowJson, apiKeyId));
        } catch (DuplicateKeyException raced) {
            // The same application arrived twice at once: whichever was stored first is the answer.
            return sameOrConflict(repository.findByApplicationId(request.applicationId()).orElseThrow(() -> raced),
                    requestHash, apiKeyId);
        }
        events.publishEvent(new DecisionMade(decisionId, request.market(), result.outcome(), response.policy().arm(),
                response.policy().version(), result.score(), result.reasons().stream().map(io.credence.engine.Reason::code).toList(),
                result.durationMicros(), result.fault() != null, now));
        return response;
    }

    /** Any decision, for people (users with roles); {@code unmasked} shows personal data. */
    public DecisionRecord find(String decisionId, boolean unmasked) {
        return record(load(decisionId), unmasked);
    }

    /** One of the decisions {@code apiKey} made, masked; any other is not found. */
    public DecisionRecord findOwn(String decisionId, ApiKeyPrincipal apiKey) {
        return record(loadOwn(decisionId, apiKey), false);
    }

    private DecisionRecord record(StoredDecision stored, boolean unmasked) {
        JsonNode request = stored.requestJson() == null ? null : json.readTree(stored.requestJson());
        return new DecisionRecord(json.readValue(stored.resultJson(), DecisionResponse.class),
                unmasked ? request : PersonalDataMask.mask(request),
                json.readValue(stored.contextJson(), Enrichment.class),
                unmasked || stored.fault() == null || stored.requestJson() == null ? stored.fault()
                        : PersonalDataMask.scrub(stored.fault(), json.readValue(stored.requestJson(), LoanApplication.class)),
                !unmasked,
                stored.challengerJson() == null ? null : json.readValue(stored.challengerJson(), DecisionResponse.class));
    }

    public List<DecisionSummary> search(String market, String outcome, String applicationId, Instant from, Instant to,
            int limit) {
        return repository.search(market, outcome, applicationId, from, to, Math.max(1, Math.min(limit, 1000)));
    }

    /** Decisions per market since {@code since} (the workbench shows today's). */
    public List<MarketActivity> activitySince(Instant since) {
        java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
        java.util.Map<String, double[]> sums = new java.util.HashMap<>();
        for (DecisionRepository.OutcomeCount row : repository.outcomesSince(since)) {
            long[] c = counts.computeIfAbsent(row.market(), m -> new long[4]);
            int slot = switch (row.outcome()) {
                case "APPROVE" -> 1;
                case "DECLINE" -> 2;
                default -> 3;
            };
            c[0] += row.count();
            c[slot] += row.count();
            sums.computeIfAbsent(row.market(), m -> new double[1])[0] += row.meanMicros() * row.count();
        }
        List<MarketActivity> result = new java.util.ArrayList<>();
        counts.forEach((market, c) -> {
            List<Long> durations = new java.util.ArrayList<>(repository.recentDurations(market, since, 2000));
            java.util.Collections.sort(durations);
            long p95 = durations.isEmpty() ? 0 : durations.get((int) Math.min(durations.size() - 1, Math.ceil(durations.size() * 0.95) - 1));
            result.add(new MarketActivity(market, c[0], c[1], c[2], c[3], c[0] == 0 ? 0 : sums.get(market)[0] / c[0], p95));
        });
        return result;
    }

    /** Re-runs the stored request, with the context it saw, on the exact version that decided it. */
    public ReplayResult replay(String decisionId) {
        return replay(load(decisionId));
    }

    /** Replays one of the decisions {@code apiKey} made; any other is not found. */
    public ReplayResult replayOwn(String decisionId, ApiKeyPrincipal apiKey) {
        return replay(loadOwn(decisionId, apiKey));
    }

    private ReplayResult replay(StoredDecision stored) {
        String decisionId = stored.id();
        if (stored.requestJson() == null) {
            throw new StateConflictException("Decision " + decisionId + "'s request was purged under the retention policy.");
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
        DecisionResponse replayed = response(decisionId, request, policy, original.policy().arm(), result,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        boolean matches = original.outcome().equals(replayed.outcome())
                && same(original.score(), replayed.score())
                && java.util.Objects.equals(original.probability(), replayed.probability())
                && original.reasons().equals(replayed.reasons())
                && same(original.approvedAmount(), replayed.approvedAmount())
                && same(original.apr(), replayed.apr())
                && original.rulesFired().equals(replayed.rulesFired());
        return new ReplayResult(replayed, matches, original);
    }

    private StoredDecision load(String decisionId) {
        if (decisionId == null || decisionId.length() > 64) throw new NotFoundException("No such decision.");
        return repository.find(decisionId).orElseThrow(() -> new NotFoundException("No decision " + decisionId + "."));
    }

    /**
     * Another key's decision answers exactly as a decision that does not exist, so ids cannot be probed;
     * the key's own decision in a market it has since been taken off is refused as that market is.
     */
    private StoredDecision loadOwn(String decisionId, ApiKeyPrincipal apiKey) {
        java.util.Objects.requireNonNull(apiKey, "apiKey");
        StoredDecision stored = load(decisionId);
        if (!apiKey.keyId().equals(stored.apiKeyId())) throw new NotFoundException("No decision " + decisionId + ".");
        apiKey.requireMarket(stored.market());
        return stored;
    }

    private DecisionResponse sameOrConflict(StoredDecision stored, String requestHash, String apiKeyId) {
        if (!apiKeyId.equals(stored.apiKeyId())) {
            // Another loan system's application (or one decided before keys were recorded): say only that
            // the id is taken; its outcome, its decision id and whether the requests match stay hidden.
            throw new StateConflictException("Application " + stored.applicationId()
                    + " was already used by another caller; use a new applicationId.");
        }
        if (!stored.requestHash().equals(requestHash)) {
            throw new StateConflictException("Application " + stored.applicationId()
                    + " was already decided with a different request; use a new applicationId.");
        }
        return json.readValue(stored.resultJson(), DecisionResponse.class);
    }

    static DecisionResponse response(String decisionId, LoanApplication request, CompiledPolicy policy, String arm,
            EngineResult result, Instant at) {
        return new DecisionResponse(decisionId, request.applicationId(), request.market(), result.outcome(),
                result.score(), result.probability(), result.reasons(), policy.settings().localeFor(request.locale()),
                result.approvedAmount(), result.apr(),
                new PolicyRef(policy.market(), policy.version(), arm, policy.digest()), result.rulesFired(), at,
                result.durationMicros());
    }

    private static String key(String market, String kind, String value) {
        return value == null ? null : Hashing.sha256Hex(market + '|' + kind + '|' + value);
    }

    private static boolean same(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
