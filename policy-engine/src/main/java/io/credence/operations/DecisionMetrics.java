package io.credence.operations;

import io.credence.decision.DecisionMade;
import io.credence.engine.EngineReasons;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Counts every new decision and records its engine time. The listener runs on the decision's own
 * thread before the answer goes out, so it only touches meters (Micrometer caches them by name and
 * tags) and one request attribute.
 */
@Component
class DecisionMetrics {

    /** Engine time is tens of microseconds to a budget of a few hundred milliseconds; these buckets cover it. */
    private static final Duration[] ENGINE_BUCKETS = {
        Duration.ofNanos(50_000),
        Duration.ofNanos(100_000),
        Duration.ofNanos(250_000),
        Duration.ofNanos(500_000),
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500)
    };

    private static final List<String> FAULT_KINDS = List.of("policy_fault", "time_budget");

    private final MeterRegistry registry;
    private final Set<String> markets = ConcurrentHashMap.newKeySet();

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(DecisionMade decision) {
        if (markets.add(decision.market())) {
            // Both fault counters exist, at zero, from a market's first decision: Prometheus's increase()
            // cannot see the first fault of a series that appears with it.
            FAULT_KINDS.forEach(kind -> faults(decision.market(), kind));
        }
        Counter.builder("credence.decisions")
                .description("Decisions made, by market, outcome, the arm that answered and its policy version")
                .tag("market", decision.market())
                .tag("outcome", decision.outcome())
                .tag("arm", decision.arm())
                .tag("version", Integer.toString(decision.policyVersion()))
                .register(registry)
                .increment();
        Timer.builder("credence.decision.engine")
                .description("Time the policy took to decide (fraud, scorecard, approval and pricing), per market")
                .tag("market", decision.market())
                .serviceLevelObjectives(ENGINE_BUCKETS)
                .register(registry)
                .record(decision.engineMicros(), TimeUnit.MICROSECONDS);
        if (decision.fault()) {
            faults(
                            decision.market(),
                            decision.reasonCodes().contains(EngineReasons.TIME_BUDGET) ? "time_budget" : "policy_fault")
                    .increment();
        }
        // The HTTP timer (http.server.requests) is tagged with the market read from here.
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(
                    MarketTaggedHttpObservations.MARKET_ATTRIBUTE, decision.market(), RequestAttributes.SCOPE_REQUEST);
        }
    }

    private Counter faults(String market, String kind) {
        return Counter.builder("credence.decision.faults")
                .description("Decisions referred because the policy threw or overran its time budget")
                .tag("market", market)
                .tag("kind", kind)
                .register(registry);
    }
}
