package io.credence.deployment;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.Warmup;
import io.credence.policy.PolicyService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compiled versions by market and number, built once and shared: champions, their predecessors (for
 * an instant rollback), challengers and versions a replay asks for. Every build re-checks the
 * stored artifacts against the approved digest.
 */
@Component
public class CompiledPolicies {

    private static final Logger log = LoggerFactory.getLogger(CompiledPolicies.class);
    private static final int CAPACITY = 32;
    static final int WARMUP_ROUNDS = 40;

    private final PolicyService policies;

    private final Map<String, CompiledPolicy> cache = new LinkedHashMap<>(16, 0.75f, true);

    CompiledPolicies(PolicyService policies) {
        this.policies = policies;
    }

    /** The compiled and warmed version, from the cache or built now. */
    public CompiledPolicy get(String market, int version) {
        String key = market + "/" + version;
        synchronized (cache) {
            CompiledPolicy cached = cache.get(key);
            if (cached != null) return cached;
        }
        CompiledPolicy built = build(market, version);
        synchronized (cache) {
            CompiledPolicy raced = cache.putIfAbsent(key, built);
            if (raced != null) {
                built.close();
                return raced;
            }
            evictBeyondCapacity();
            return built;
        }
    }

    /** Adds a version compiled elsewhere (a seed install compiles once, to validate and to serve). */
    void put(CompiledPolicy compiled) {
        Warmup.run(compiled, WARMUP_ROUNDS);
        synchronized (cache) {
            CompiledPolicy previous = cache.put(compiled.market() + "/" + compiled.version(), compiled);
            evictBeyondCapacity();
        }
    }

    private CompiledPolicy build(String market, int version) {
        long started = System.nanoTime();
        CompiledPolicy compiled = PolicyCompiler.compileStored(policies.verifiedPackage(market, version), version);
        long compiledAt = System.nanoTime();
        Warmup.Report warm = Warmup.run(compiled, WARMUP_ROUNDS);
        log.info(
                "Compiled {} v{} in {} ms and warmed it with {} decisions in {} ms",
                market,
                version,
                (compiledAt - started) / 1_000_000,
                warm.decisions(),
                (System.nanoTime() - compiledAt) / 1_000_000);
        return compiled;
    }

    /**
     * Drops the least recently used versions from the cache. They are not closed: an evicted version
     * may still be a market's champion or be finishing a decision. Their containers are not
     * registered anywhere global (no container id), so the garbage collector reclaims them once the
     * registry and every decision have let go.
     */
    private void evictBeyondCapacity() {
        var it = cache.entrySet().iterator();
        while (cache.size() > CAPACITY && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
