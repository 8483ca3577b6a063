package io.credence.simulation;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.Warmup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled versions of this JVM, by digest: an executor compiles each version once (seconds, with
 * the warm-up) and every task it runs afterwards shares it. A compiled policy is safe to share between
 * threads, as the service's workers share the champion.
 */
final class ExecutorPolicies {

    /** As many warm-up rounds as the service's own backtests run: cold rules overrun the time budget. */
    static final int WARMUP_ROUNDS = 40;

    private static final Map<String, CompiledPolicy> COMPILED = new ConcurrentHashMap<>();

    private ExecutorPolicies() {}

    static CompiledPolicy compiled(BacktestSpec spec, int version) {
        BacktestSpec.Policy policy = spec.policy(version);
        return COMPILED.computeIfAbsent(policy.digest() + "/" + version, key -> {
            var policyPackage = policy.policyPackage(spec.market());
            // Checked again here: the executor runs what it was sent, and what it was sent must be what was approved.
            if (!policyPackage.digest().equals(policy.digest())) {
                throw new IllegalStateException("version " + version + " does not match its digest " + policy.digest());
            }
            CompiledPolicy compiled = PolicyCompiler.compileStored(policyPackage, version);
            Warmup.run(compiled, WARMUP_ROUNDS);
            return compiled;
        });
    }
}
