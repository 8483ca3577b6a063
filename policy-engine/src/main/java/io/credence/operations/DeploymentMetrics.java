package io.credence.operations;

import io.credence.deployment.ChampionChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deploys, rollbacks and promotions with how long each took, compile and warm-up included: a timer
 * gives the count and the durations in one meter.
 */
@Component
class DeploymentMetrics {

    private final MeterRegistry registry;

    DeploymentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(ChampionChanged change) {
        Timer.builder("credence.deployments")
                .description("Champion changes (DEPLOY, ROLLBACK, PROMOTE) and how long each took")
                .tag("market", change.market())
                .tag("action", change.action())
                .register(registry)
                .record(change.durationMs(), TimeUnit.MILLISECONDS);
    }
}
