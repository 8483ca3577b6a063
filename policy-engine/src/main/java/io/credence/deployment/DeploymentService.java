package io.credence.deployment;

import io.credence.audit.AuditTrail;
import io.credence.cluster.ClusterSignals;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.PolicyPackage;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.shared.StateConflictException;
import java.time.Instant;
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
    private final CompiledPolicies compiled;
    private final ChampionRegistry registry;
    private final DeploymentRepository repository;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ClusterSignals cluster;
    private final ApplicationEventPublisher events;

    DeploymentService(PolicyService policies, CompiledPolicies compiled, ChampionRegistry registry,
            DeploymentRepository repository, AuditTrail audit, TransactionTemplate tx, ClusterSignals cluster,
            ApplicationEventPublisher events) {
        this.policies = policies;
        this.compiled = compiled;
        this.registry = registry;
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
        this.cluster = cluster;
        this.events = events;
        cluster.subscribe(TOPIC, this::syncChampions);
    }

    static final String TOPIC = "deployment";

    public record Result(String market, int version, Integer replaced, long durationMs) {
    }

    public Result deploy(String actor, String market, int version) {
        requireStatus(policies.get(market, version), "deployed", VersionStatus.APPROVED);
        return change(actor, market, version, "DEPLOY", VersionStatus.APPROVED);
    }

    /** Makes an experiment's challenger the champion; it may be APPROVED or already DEPLOYED before. */
    public Result promote(String actor, String market, int version) {
        requireStatus(policies.get(market, version), "promoted", VersionStatus.APPROVED, VersionStatus.RETIRED);
        return change(actor, market, version, "PROMOTE", VersionStatus.APPROVED, VersionStatus.RETIRED);
    }

    public Result rollback(String actor, String market) {
        Deque<Integer> stack = repository.championStacks().get(market);
        if (stack == null || stack.size() < 2) {
            throw new StateConflictException("Market " + market + " has no previous champion to roll back to.");
        }
        int current = stack.removeLast();
        int previous = stack.getLast();
        long started = System.nanoTime();
        CompiledPolicy target = compiled.get(market, previous);
        tx.executeWithoutResult(status -> {
            Deque<Integer> now = repository.championStacks().get(market);
            if (now == null || now.getLast() != current) {
                throw new StateConflictException("Market " + market + "'s champion changed meanwhile; try again.");
            }
            policies.markDeployment(market, previous, current);
            repository.insert(market, previous, "ROLLBACK", actor, Instant.now(), elapsedMs(started));
            audit.record(actor, market, "ROLLBACK", "v" + current + " -> v" + previous, target.digest());
            cluster.announce(TOPIC);
        });
        registry.swap(target);
        log.info("{} rolled {} back from v{} to v{} in {} ms", actor, market, current, previous, elapsedMs(started));
        events.publishEvent(new ChampionChanged(market, previous, current, "ROLLBACK", actor, elapsedMs(started)));
        return new Result(market, previous, current, elapsedMs(started));
    }

    private Result change(String actor, String market, int version, String action, VersionStatus... allowed) {
        long started = System.nanoTime();
        CompiledPolicy target = compiled.get(market, version);
        Integer[] replaced = new Integer[1];
        tx.executeWithoutResult(status -> {
            requireStatus(policies.lock(market, version), action.toLowerCase() + "ed", allowed);
            Deque<Integer> stack = repository.championStacks().get(market);
            replaced[0] = stack == null || stack.isEmpty() ? null : stack.getLast();
            policies.markDeployment(market, version, replaced[0]);
            repository.insert(market, version, action, actor, Instant.now(), elapsedMs(started));
            audit.record(actor, market, action, "v" + version + (replaced[0] == null ? "" : " replaces v" + replaced[0]),
                    target.digest());
            cluster.announce(TOPIC);
        });
        registry.swap(target);
        log.info("{} {} {} v{} in {} ms", actor, action.toLowerCase(), market, version, elapsedMs(started));
        events.publishEvent(new ChampionChanged(market, version, replaced[0], action, actor, elapsedMs(started)));
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
        PolicyVersion stored = policies.installSeed(seed.market(), seed);
        if (stored.version() != 1) {
            candidate.close();
            throw new StateConflictException("Market " + seed.market() + " already had versions; seed not deployed.");
        }
        compiled.put(candidate);
        return change("system", seed.market(), 1, "DEPLOY", VersionStatus.APPROVED);
    }

    public record Loaded(List<Result> serving, Map<String, String> refused) {
    }

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
        PolicyStartup.onAllCores(stacks.entrySet().stream().filter(e -> !e.getValue().isEmpty()).toList(),
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
        for (Map.Entry<String, Deque<Integer>> entry : repository.championStacks().entrySet()) {
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

    private static void requireStatus(PolicyVersion v, String verb, VersionStatus... allowed) {
        for (VersionStatus s : allowed) {
            if (v.status() == s) return;
        }
        throw new StateConflictException("v" + v.version() + " is " + v.status() + "; only "
                + java.util.Arrays.toString(allowed) + " versions can be " + verb + ".");
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
