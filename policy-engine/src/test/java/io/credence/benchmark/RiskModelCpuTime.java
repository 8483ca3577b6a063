package io.credence.benchmark;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * {@link RiskModelBenchmark}'s two decisions (GB's hand-set scorecard, the 100-tree GBM with reasons)
 * timed by the deciding thread's CPU time rather than the wall clock, in interleaved rounds: on a
 * shared, overloaded machine a wall-clock p50 also counts the time other processes hold the core,
 * the CPU time only what a decision costs. Prints each round's p50 and its ratio to the first model's.
 * Arguments: rounds, passes over the mix per round, models (default scorecard,gbm).
 */
public final class RiskModelCpuTime {

    private RiskModelCpuTime() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> models = args.length > 2 ? List.of(args[2].split(",")) : List.of("scorecard", "gbm");
        CompiledPolicy[] policies = new CompiledPolicy[models.size()];
        @SuppressWarnings("unchecked")
        List<ApplicationMix.Case>[] mixes = new List[models.size()];
        for (int m = 0; m < models.size(); m++) {
            policies[m] = PolicyCompiler.compile(RiskModelBenchmark.gb(models.get(m)), 1);
            mixes[m] = ApplicationMix.of(policies[m].settings(), 20261121L);
            DecisionBenchmark.warm(policies[m], mixes[m]);
            for (int pass = 0; pass < 200; pass++) {
                for (ApplicationMix.Case c : mixes[m]) policies[m].decide(c.application(), c.enrichment());
            }
        }
        for (int round = 1; round <= rounds; round++) {
            double[] p50 = new double[models.size()];
            for (int m = 0; m < models.size(); m++) {
                long[] cpu = new long[passes * mixes[m].size()];
                int i = 0;
                for (int pass = 0; pass < passes; pass++) {
                    for (ApplicationMix.Case c : mixes[m]) {
                        long start = threads.getCurrentThreadCpuTime();
                        policies[m].decide(c.application(), c.enrichment());
                        cpu[i++] = threads.getCurrentThreadCpuTime() - start;
                    }
                }
                Arrays.sort(cpu);
                p50[m] = cpu[cpu.length / 2] / 1000.0;
            }
            StringBuilder line = new StringBuilder("round " + round + ": CPU µs per decision p50:");
            for (int m = 0; m < models.size(); m++) {
                line.append(String.format(" %s %.1f (%.2fx)", models.get(m), p50[m], p50[m] / p50[0]));
            }
            System.out.println(line);
        }
        for (CompiledPolicy policy : policies) policy.close();
    }
}
