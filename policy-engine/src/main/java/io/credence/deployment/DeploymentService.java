package io.credence.deployment;

import io.credence.cluster.ClusterSignals;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.PolicyPackage;
import io.credence.policy.Actor;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.Transition;
import io.credence.policy.VersionLifecycle;
import io.credence.shared.StateConflictException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes what serves. The slow part (compile, verify the digest, warm) runs first, outside any
 * transaction; then the state change and its audit entry commit together; only then does the
 * registry swap. A failure anywhere before the commit leaves the previous champion serving.
 */
@Service
public class DeploymentService {

    private static final Logger log = LoggerFactory.getLogger(DeploymentService.class);

    private final PolicyService policies;
    private final VersionLifecycle lifecycle;
    private final CompiledPolicies compiled;
    private final ChampionRegistry registry;
    private final DeploymentRepository repository;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeploymentService(
            PolicyService policies,
            VersionLifecycle lifecycle,
            CompiledPolicies compiled,
            ChampionRegistry registry,
            DeploymentRepository repository,
            TransactionTemplate tx,
            ClusterSignals cluster,
            ApplicationEventPublisher events,
            Clock clock) {
        this.policies = policies;
        this.lifecycle = lifecycle;
        this.compiled = compiled;
        this.registry = registry;
        this.repository = repository;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        cluster.subscribe(TOPIC, this::syncChampions);
    }

    static final String TOPIC = "deployment";

    public record Result(String market, int version, Integer replaced, long durationMs) {}

    /**
     * Makes an APPROVED version the champion, or a RETIRED one again (rolling forward to a known version:
     * one deploy, no fresh copy). The lifecycle is asked first, so a refused deploy compiles nothing.
     */
    public Result deploy(Actor actor, String market, int version) {
        lifecycle.checkDeploy(actor, market, version);
        return change(actor, market, version, Transition.DEPLOY, null);
    }

    /** Makes an experiment's challenger (APPROVED, or RETIRED) the champion: a deployment, an admin's. */
    public Result promote(Actor actor, String market, int version) {
        lifecycle.check(actor, Transition.PROMOTE, market, version);
        return change(actor, market, version, Transition.PROMOTE, null);
    }

    /** Back to the previous champion; {@code reason}, optional, goes into the deployment history and the audit trail. */
    public Result rollback(Actor actor, String market, String reason) {
        if (reason != null && reason.length() > 1000) {
            throw new io.credence.shared.InvalidRequestException("reason", "must be at most 1000 characters");
        }
        Deque<Integer> stack = repository.championStacks().get(market);
        if (stack == null || stack.size() < 2) {
            throw new StateConflictException("Market " + market + " has no previous champion to roll back to.");
        }
        int current = stack.removeLast();
        int previous = stack.getLast();
        lifecycle.check(actor, Transition.ROLL_BACK, market, previous);
        long started = System.nanoTime();
        CompiledPolicy target = compiled.get(market, previous);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        tx.executeWithoutResult(status -> {
            Deque<Integer> now = repository.championStacks().get(market);
            if (now == null || now.getLast() != current) {
                throw new StateConflictException("Market " + market + "'s champion changed meanwhile; try again.");
            }
            lifecycle.makeChampion(actor, Transition.ROLL_BACK, market, previous, current, why);
            repository.insert(market, previous, "ROLLBACK", actor.name(), clock.instant(), elapsedMs(started), why);
        });
        registry.swap(target);
        log.info(
                "{} rolled {} back from v{} to v{} in {} ms",
                actor.name(),
                market,
                current,
                previous,
                elapsedMs(started));
        events.publishEvent(
                new ChampionChanged(market, previous, current, "ROLLBACK", actor.name(), elapsedMs(started)));
        return new Result(market, previous, current, elapsedMs(started));
    }

    private Result change(Actor actor, String market, int version, Transition transition, String reason) {
        long started = System.nanoTime();
        CompiledPolicy target = compiled.get(market, version);
        String action = transition == Transition.PROMOTE ? "PROMOTE" : "DEPLOY";
        Integer[] replaced = new Integer[1];
        tx.executeWithoutResult(status -> {
            Deque<Integer> stack = repository.championStacks().get(market);
            replaced[0] = stack == null || stack.isEmpty() ? null : stack.getLast();
            lifecycle.makeChampion(actor, transition, market, version, replaced[0], reason);
            repository.insert(market, version, action, actor.name(), clock.instant(), elapsedMs(started), reason);
        });
        registry.swap(target);
        log.info(
                "{} {} {} v{} in {} ms",
                actor.name(),
                action.equals("PROMOTE") ? "promoted" : "deployed",
                market,
                version,
                elapsedMs(started));
        events.publishEvent(
                new ChampionChanged(market, version, replaced[0], action, actor.name(), elapsedMs(started)));
        return new Result(market, version, replaced[0], elapsedMs(started));
    }

    /**
     * Installs a seed package as version 1 of a market that has none, and deploys it. Compiling
     * first validates it, so nothing invalid is stored; the same build then serves.
     */
    public Result installSeed(PolicyPackage seed) {
        return installSeed(seed, PolicyCompiler.compile(seed, 1));
    }

    /** The same, with the seed already compiled (start-up compiles every missing seed at once). */
    Result installSeed(PolicyPackage seed, CompiledPolicy candidate) {
        PolicyVersion stored =
                policies.installSeed(seed.market(), seed, SeedPackages.testCases(seed.market()), candidate);
        if (stored.version() != 1) {
            candidate.close();
            throw new StateConflictException("Market " + seed.market() + " already had versions; seed not deployed.");
        }
        compiled.put(candidate);
        return change(Actor.system(), seed.market(), 1, Transition.DEPLOY, null);
    }

    public record Loaded(List<Result> serving, Map<String, String> refused) {}

    /**
     * Loads every market's champion, as recorded, into the registry. A market whose champion fails
     * its digest check is refused and reported, and the other markets still serve.
     */
    public Loaded loadChampions() {
        List<Result> serving = new ArrayList<>();
        Map<String, String> refused = new java.util.TreeMap<>();
        Map<String, Deque<Integer>> stacks = repository.championStacks();
        // Compile and warm every champion on all cores first; the loop below then finds each in the cache.
        // One that fails is not cached: the loop compiles it again and reports why it is refused.
        PolicyStartup.onAllCores(
                stacks.entrySet().stream().filter(e -> !e.getValue().isEmpty()).toList(),
                e -> compiled.get(e.getKey(), e.getValue().getLast()));
        for (Map.Entry<String, Deque<Integer>> entry : stacks.entrySet()) {
            if (entry.getValue().isEmpty()) continue;
            long started = System.nanoTime();
            int version = entry.getValue().getLast();
            try {
                registry.swap(compiled.get(entry.getKey(), version));
                serving.add(new Result(entry.getKey(), version, null, elapsedMs(started)));
            } catch (io.credence.policy.TamperedPolicyException | io.credence.engine.PolicyCompilationException e) {
                log.error("Refusing to serve {} v{}: {}", entry.getKey(), version, e.getMessage());
                refused.put(entry.getKey(), e.getMessage());
            }
        }
        return new Loaded(serving, refused);
    }

    /**
     * Brings this instance's champions in line with the deployment log: how a deployment made
     * through another instance of the cluster starts serving here.
     */
    public synchronized void syncChampions() {
        for (Map.Entry<String, Deque<Integer>> entry :
                repository.championStacks().entrySet()) {
            if (entry.getValue().isEmpty()) continue;
            int version = entry.getValue().getLast();
            var current = registry.champion(entry.getKey());
            if (current.isPresent() && current.get().version() == version) continue;
            try {
                registry.swap(compiled.get(entry.getKey(), version));
                log.info("{} now serves v{}, deployed through another instance", entry.getKey(), version);
            } catch (io.credence.policy.TamperedPolicyException | io.credence.engine.PolicyCompilationException e) {
                log.error("Refusing to serve {} v{}: {}", entry.getKey(), version, e.getMessage());
            }
        }
    }

    long lastDeploymentId() {
        return repository.lastId();
    }

    public List<Deployment> history(String market) {
        return repository.history(market);
    }

    public Integer previousChampion(String market) {
        Deque<Integer> stack = repository.championStacks().get(market);
        if (stack == null || stack.size() < 2) return null;
        var it = stack.descendingIterator();
        it.next();
        return it.next();
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
