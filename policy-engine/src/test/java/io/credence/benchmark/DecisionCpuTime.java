package io.credence.benchmark;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.SeedPackagesOnDisk;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * CPU time of the deciding thread per decision, for A/B comparisons on a shared machine: unlike
 * {@link DecisionBenchmark}'s wall-clock percentiles it does not count the time the thread waits for
 * a core, so two builds run one after the other (A, B, A, B) can be compared while other work loads
 * the machine. It still rises somewhat with load (shared caches), so compare only interleaved runs.
 * Arguments: {@code realistic} or a market code, rounds, decisions per round. See docs/performance.md.
 */
public final class DecisionCpuTime {

    private DecisionCpuTime() {}

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "realistic";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        CompiledPolicy policy = which.equals("realistic")
                ? PolicyCompiler.compile(LargePolicy.india(12), 1)
                : PolicyCompiler.compile(SeedPackagesOnDisk.load(which), 1);
        List<ApplicationMix.Case> mix = ApplicationMix.of(policy.settings(), 20261121L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int outcomes = 0;
        // Past the JIT's warm-up, as the service is before it takes traffic.
        for (int i = 0; i < 150_000; i++) outcomes += decide(policy, mix.get(i & (ApplicationMix.SIZE - 1)));
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) outcomes += decide(policy, mix.get(i & (ApplicationMix.SIZE - 1)));
            micros[r] = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / perRound;
        }
        double[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: CPU µs per decision, min %.2f, median %.2f, rounds %s (checksum %d)%n",
                which,
                sorted[0],
                sorted[rounds / 2],
                Arrays.stream(micros).mapToObj(m -> String.format("%.1f", m)).toList(),
                outcomes);
        policy.close();
    }

    private static int decide(CompiledPolicy policy, ApplicationMix.Case c) {
        return policy.decide(c.application(), c.enrichment()).outcome().length();
    }
}
