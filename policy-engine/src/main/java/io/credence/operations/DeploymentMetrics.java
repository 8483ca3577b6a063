package io.credence.operations;

import io.credence.deployment.ChampionChanged;
import io.credence.deployment.ChampionRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deploys, rollbacks and promotions with how long each took, compile and warm-up included: a timer
 * gives the count and the durations in one meter.
 */
@Component
class DeploymentMetrics {

    private static final List<String> ACTIONS = List.of("DEPLOY", "ROLLBACK", "PROMOTE");

    private final MeterRegistry registry;
    private final ChampionRegistry champions;

    DeploymentMetrics(MeterRegistry registry, ChampionRegistry champions) {
        this.registry = registry;
        this.champions = champions;
    }

    /**
     * Every serving market's timers exist from the start, at zero: Prometheus's increase() cannot see
     * the first event of a series that appears with it, and a market may see one rollback a year.
     */
    @EventListener(ApplicationReadyEvent.class)
    void registerServingMarkets() {
        champions.markets().forEach(market -> ACTIONS.forEach(action -> timer(market, action)));
        // Backtests (the simulation feature) count their rows per market as each run completes; the same
        // reasoning applies, so those series start at zero too.
        champions
                .markets()
                .forEach(market -> Counter.builder("credence.backtest.rows")
                        .description("Backtest rows decided or refused as invalid")
                        .tag("market", market)
                        .register(registry));
    }

    @EventListener
    void on(ChampionChanged change) {
        ACTIONS.forEach(action -> timer(change.market(), action));
        timer(change.market(), change.action()).record(change.durationMs(), TimeUnit.MILLISECONDS);
    }

    private Timer timer(String market, String action) {
        return Timer.builder("credence.deployments")
                .description("Champion changes (DEPLOY, ROLLBACK, PROMOTE) and how long each took")
                .tag("market", market)
                .tag("action", action)
                .register(registry);
    }
}
