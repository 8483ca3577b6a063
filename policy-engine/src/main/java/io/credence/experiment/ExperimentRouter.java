package io.credence.experiment;

import io.credence.cluster.ClusterSignals;
import io.credence.decision.DecisionRouting;
import io.credence.deployment.CompiledPolicies;
import io.credence.deployment.MarketSummary;
import io.credence.deployment.RunningExperiments;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompilationException;
import io.credence.shared.StateConflictException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the decision feature, for one application, which version answers and which, if any, decides
 * in the shadow. The running experiments live in memory, each with its compiled challenger, so a
 * decision costs a map lookup and, in SPLIT mode, one hash; they are reloaded after every change made
 * here, when another instance of a cluster announces one, and every couple of seconds in any case.
 */
@Component
@Order(20)
public class ExperimentRouter implements DecisionRouting, RunningExperiments, ApplicationRunner, HealthIndicator {

    public static final String CHAMPION = DecisionRouting.CHAMPION;
    public static final String CHALLENGER = DecisionRouting.CHALLENGER;
    static final String TOPIC = "experiment";

    private static final Logger log = LoggerFactory.getLogger(ExperimentRouter.class);

    private record Running(Experiment experiment, CompiledPolicy challenger) {}

    private final ExperimentRepository repository;
    private final CompiledPolicies compiled;
    private volatile Map<String, Running> byMarket = Map.of();
    private volatile boolean loaded;
    private final Set<String> refused = new HashSet<>();

    ExperimentRouter(ExperimentRepository repository, CompiledPolicies compiled, ClusterSignals cluster) {
        this.repository = repository;
        this.compiled = compiled;
        cluster.subscribe(TOPIC, this::refresh);
    }

    @Override
    public Route route(CompiledPolicy champion, String customerId) {
        Running running = byMarket.get(champion.market());
        if (running == null) return new Route(champion, CHAMPION, null, null);
        Experiment e = running.experiment();
        if (e.mode() == ExperimentMode.SHADOW) return new Route(champion, CHAMPION, e.id(), running.challenger());
        return Assignment.toChallenger(e.id(), customerId, e.trafficPercent())
                ? new Route(running.challenger(), CHALLENGER, e.id(), null)
                : new Route(champion, CHAMPION, e.id(), null);
    }

    @Override
    public MarketSummary.Experiment running(String market) {
        Running running = market == null ? null : byMarket.get(market);
        if (running == null) return null;
        Experiment e = running.experiment();
        return new MarketSummary.Experiment(
                e.id(), e.challengerVersion(), e.mode().name(), e.trafficPercent());
    }

    /** The experiments this instance routes by, one per market at most. */
    List<Experiment> runningExperiments() {
        return byMarket.values().stream().map(Running::experiment).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        refresh();
    }

    /** DOWN until the running experiments are loaded, so no customer is answered outside their arm after a start. */
    @Override
    public Health health() {
        return loaded
                ? Health.up().build()
                : Health.down().withDetail("experiments", "loading").build();
    }

    /**
     * Reloads the running experiments from the table. Asking the compiled-policy cache for each
     * challenger also keeps it from being evicted, and picks up a rebuilt one if it was.
     */
    @Scheduled(fixedDelayString = "${credence.experiments.poll-ms:2000}", initialDelay = 2000)
    public synchronized void refresh() {
        Map<String, Running> next = new HashMap<>();
        for (Experiment e : repository.running()) {
            try {
                next.put(e.market(), new Running(e, compiled.get(e.market(), e.challengerVersion())));
                if (refused.remove(e.id())) log.info("Experiment {} in {} routes again", e.id(), e.market());
            } catch (StateConflictException | PolicyCompilationException unusable) {
                // A challenger that no longer matches its digest or compiles serves nobody; say so once.
                if (refused.add(e.id())) {
                    log.error(
                            "Experiment {} in {} is running but its challenger v{} cannot serve: {}",
                            e.id(),
                            e.market(),
                            e.challengerVersion(),
                            unusable.getMessage());
                }
            }
        }
        Map<String, Running> previous = byMarket;
        byMarket = Map.copyOf(next);
        loaded = true;
        if (!previous.keySet().equals(next.keySet()) || changed(previous, next)) {
            log.info(
                    "Experiments now running: {}",
                    next.values().stream()
                            .map(r -> r.experiment().market() + " v"
                                    + r.experiment().challengerVersion() + " "
                                    + r.experiment().mode() + " "
                                    + r.experiment().trafficPercent() + "%")
                            .sorted()
                            .toList());
        }
    }

    private static boolean changed(Map<String, Running> previous, Map<String, Running> next) {
        return next.entrySet().stream().anyMatch(entry -> {
            Running before = previous.get(entry.getKey());
            return before == null
                    || !before.experiment()
                            .id()
                            .equals(entry.getValue().experiment().id());
        });
    }
}
