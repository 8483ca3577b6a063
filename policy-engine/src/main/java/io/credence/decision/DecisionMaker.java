package io.credence.decision;

import io.credence.deployment.ChampionRegistry;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.EngineResult;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.engine.LoanApplicationParser;
import io.credence.engine.Reason;
import io.credence.fraud.FraudLists;
import io.credence.security.ApiKeyPrincipal;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes decisions. A decision is written to the log before it is answered, so a 200 is never lost; the
 * same application sent again gets the stored answer.
 *
 * <p>Each decision records the API key that asked for it. An application id another key (or, before
 * keys were recorded, anyone) already used is a conflict that tells nothing of that decision.
 */
@Service
class DecisionMaker {

    private static final Logger log = LoggerFactory.getLogger(DecisionMaker.class);

    private final ChampionRegistry champions;
    private final DecisionRouting routing;
    private final FraudLists fraudLists;
    private final DecisionRepository repository;
    private final DecisionLogPartitions partitions;
    private final DecisionLogWrites logWrites;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    DecisionMaker(
            ChampionRegistry champions,
            DecisionRouting routing,
            FraudLists fraudLists,
            DecisionRepository repository,
            DecisionLogPartitions partitions,
            DecisionLogWrites logWrites,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.champions = champions;
        this.routing = routing;
        this.fraudLists = fraudLists;
        this.repository = repository;
        this.partitions = partitions;
        this.logWrites = logWrites;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Decides for the loan system holding {@code apiKey}, in one of the markets the key may use. */
    DecisionResponse decide(String body, ApiKeyPrincipal apiKey) {
        // Every line logged while deciding carries the decision's ids and market (structured logs show
        // them as fields); they come off the thread however the call ends.
        try {
            return decideLogged(body, Objects.requireNonNull(apiKey, "apiKey"));
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
        var champion = new AtomicReference<CompiledPolicy>();
        LoanApplication request = LoanApplicationParser.parse(body, market -> {
            apiKey.requireMarket(market);
            return champions
                    .champion(market)
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
        String requestHash = NewDecision.requestHash(requestJson);
        var existing = repository.findByApplicationId(request.applicationId());
        if (existing.isPresent()) return sameOrConflict(existing.get(), requestHash, apiKeyId);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Enrichment enrichment = enrich(request, now);
        DecisionRouting.Route route = routing.route(policy, request.applicant().customerId());
        EngineResult result = route.policy().decide(request, enrichment);
        // A shadow challenger decides the same application in the same context; its result is stored
        // beside the answer and never returned.
        EngineResult shadow = route.shadow() == null ? null : route.shadow().decide(request, enrichment);
        String decisionId = UUID.randomUUID().toString();
        MDC.put("decisionId", decisionId);
        DecisionResponse response = DecisionResponse.of(decisionId, request, route.policy(), route.arm(), result, now);
        DecisionResponse shadowResponse = shadow == null
                ? null
                : DecisionResponse.of(decisionId, request, route.shadow(), DecisionRouting.CHALLENGER, shadow, now);
        logFaults(decisionId, request, route, result, shadow);
        partitions.ensure(request.market());
        try {
            logWrites.store(NewDecision.of(
                    request,
                    requestJson,
                    enrichment,
                    result,
                    response,
                    route.experimentId(),
                    shadow,
                    shadowResponse,
                    apiKeyId,
                    json));
        } catch (DuplicateKeyException raced) {
            // The same application arrived twice at once: whichever was stored first is the answer.
            return sameOrConflict(
                    repository.findByApplicationId(request.applicationId()).orElseThrow(() -> raced),
                    requestHash,
                    apiKeyId);
        }
        events.publishEvent(new DecisionMade(
                decisionId,
                request.market(),
                result.outcome(),
                response.policy().arm(),
                response.policy().version(),
                result.score(),
                result.reasons().stream().map(Reason::code).toList(),
                result.durationMicros(),
                result.fault() != null,
                now));
        return response;
    }

    /** Velocity (this device's and customer's recent applications) and fraud-list matches, as of {@code now}. */
    private Enrichment enrich(LoanApplication request, Instant now) {
        String customerKey = NewDecision.customerKey(request);
        String deviceKey = NewDecision.deviceKey(request);
        return new Enrichment(
                deviceKey == null ? 0 : repository.countByDeviceSince(deviceKey, now.minus(Duration.ofHours(24))),
                repository.countByCustomerSince(customerKey, now.minus(Duration.ofDays(30))),
                fraudLists.matches(
                        request.market(),
                        request.applicant().customerId(),
                        request.device() == null ? null : request.device().fingerprint()));
    }

    private static void logFaults(
            String decisionId,
            LoanApplication request,
            DecisionRouting.Route route,
            EngineResult result,
            @Nullable EngineResult shadow) {
        if (result.fault() != null) {
            log.warn(
                    "Policy fault in decision {} (application {}, market {}, v{}): {}",
                    decisionId,
                    request.applicationId(),
                    request.market(),
                    route.policy().version(),
                    PersonalDataMask.scrub(result.fault(), request));
        }
        if (shadow != null && shadow.fault() != null) {
            log.warn(
                    "Policy fault in the shadow of decision {} (application {}, market {}, challenger v{}): {}",
                    decisionId,
                    request.applicationId(),
                    request.market(),
                    route.shadow().version(),
                    PersonalDataMask.scrub(shadow.fault(), request));
        }
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
}
