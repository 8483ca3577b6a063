package io.credence.policy;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.PolicyPackage;
import io.credence.engine.Warmup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled packages by digest for validation, test cases and the test bench, so that an analyst
 * trying applications one after another on the same draft does not pay for a compile each time.
 */
final class DraftPolicies {

    private static final int CAPACITY = 8;

    private final Map<String, CompiledPolicy> byDigest = new LinkedHashMap<>(16, 0.75f, true);

    /** Compiles (or reuses) a new package with every check; throws PolicyCompilationException with every error. */
    CompiledPolicy compile(PolicyPackage policy, int version) {
        return compile(policy, version, true);
    }

    /** Compiles (or reuses) a stored version as it was approved (see {@link PolicyCompiler#compileStored}). */
    CompiledPolicy compileStored(PolicyPackage policy, int version) {
        return compile(policy, version, false);
    }

    private CompiledPolicy compile(PolicyPackage policy, int version, boolean complete) {
        // The checks are part of the key: a stored version compiled leniently must not stand in for a
        // draft's full validation.
        String key = policy.digest() + "/" + version + (complete ? "" : "/stored");
        synchronized (byDigest) {
            CompiledPolicy cached = byDigest.get(key);
            if (cached != null) return cached;
        }
        CompiledPolicy compiled =
                complete ? PolicyCompiler.compile(policy, version) : PolicyCompiler.compileStored(policy, version);
        // A few rounds, so the first test-bench answer is not an EN_TIME_BUDGET referral caused by
        // class loading and interpreted constraints rather than by the policy.
        Warmup.run(compiled, 2);
        synchronized (byDigest) {
            byDigest.put(key, compiled);
            var it = byDigest.entrySet().iterator();
            // Dropped drafts are left to the garbage collector: a test-bench call may still hold one.
            while (byDigest.size() > CAPACITY && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        return compiled;
    }
}
