package io.credence.deployment;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.PolicyPackage;
import io.credence.policy.PolicyService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start-up: installs the seed packages into markets that have no versions yet (a first start),
 * then loads every market's champion. Health stays DOWN until that is done.
 */
@Component
@Order(10)
class PolicyStartup implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(PolicyStartup.class);

    private final DeploymentService deployments;
    private final PolicyService policies;
    private volatile boolean loaded;
    private volatile String problem;
    private volatile java.util.Map<String, String> refused = java.util.Map.of();

    PolicyStartup(DeploymentService deployments, PolicyService policies) {
        this.deployments = deployments;
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        try {
            List<String> known = policies.markets();
            List<PolicyPackage> missing = SeedPackages.load().stream()
                    .filter(seed -> !known.contains(seed.market()))
                    .toList();
            // Compiling is most of a first start's work; the installs themselves stay one at a time.
            Map<String, CompiledPolicy> candidates = new ConcurrentHashMap<>();
            onAllCores(missing, seed -> candidates.put(seed.market(), PolicyCompiler.compile(seed, 1)));
            for (PolicyPackage seed : missing) {
                try {
                    CompiledPolicy candidate = candidates.get(seed.market());
                    if (candidate == null) deployments.installSeed(seed);
                    else deployments.installSeed(seed, candidate);
                    log.info("Installed and deployed the seed policy for {} as version 1", seed.market());
                } catch (org.springframework.dao.DuplicateKeyException | io.credence.shared.StateConflictException e) {
                    // Another instance of the cluster, starting at the same time, installed it first.
                    log.info("The seed policy for {} was installed by another instance", seed.market());
                }
            }
            var champions = deployments.loadChampions();
            refused = champions.refused();
            loaded = true;
            log.info(
                    "{} markets serving after {} ms: {}",
                    champions.serving().size(),
                    (System.nanoTime() - started) / 1_000_000,
                    champions.serving().stream()
                            .map(c -> c.market() + " v" + c.version())
                            .toList());
        } catch (RuntimeException e) {
            problem = e.getMessage();
            throw e;
        }
    }

    /**
     * Runs {@code work} for each item on as many threads as there are cores, and waits. An item whose
     * work fails is left to the caller, which does it again on its own thread and handles the failure.
     */
    static <T> void onAllCores(List<T> items, Consumer<T> work) {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) return;
        try (ExecutorService pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("policy-startup-", 0).factory())) {
            for (T item : items) {
                pool.execute(() -> {
                    try {
                        work.accept(item);
                    } catch (RuntimeException e) {
                        log.debug(
                                "Start-up work on {} failed on a helper thread; it is retried on the main one",
                                item,
                                e);
                    }
                });
            }
        }
    }

    boolean loaded() {
        return loaded;
    }

    @Override
    public Health health() {
        if (loaded && refused.isEmpty()) return Health.up().build();
        if (loaded) return Health.down().withDetail("refused", refused.keySet()).build();
        return Health.down()
                .withDetail("policies", problem == null ? "loading" : "failed to load")
                .build();
    }
}
