package io.credence.benchmark;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.EngineResult;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.SeedPackagesOnDisk;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One in-process decision per call (no HTTP, no database): each seed market's package compiled from
 * rules/ and pmml-models/, fed a fixed mix of applications; and the hand-written IN policy as the
 * yardstick. Sample-time mode gives the mean and the percentiles of a single decision.
 * See docs/performance.md for how to run it and the figures measured.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecisionBenchmark {

    private static final long SEED = 20261121L;

    @State(Scope.Benchmark)
    public static class MarketPolicy {

        @Param({"IN", "ID", "PH", "BR", "MX", "GB"})
        public String market;

        CompiledPolicy policy;
        List<ApplicationMix.Case> mix;

        @Setup(Level.Trial)
        public void compile() {
            policy = PolicyCompiler.compile(SeedPackagesOnDisk.load(market), 1);
            mix = ApplicationMix.of(policy.settings(), SEED);
            warm(policy, mix);
            Map<String, Integer> outcomes = new TreeMap<>();
            for (ApplicationMix.Case c : mix)
                outcomes.merge(policy.decide(c.application(), c.enrichment()).outcome(), 1, Integer::sum);
            System.out.println("# " + market + " mix of " + mix.size() + " applications: " + outcomes);
        }

        @TearDown(Level.Trial)
        public void close() {
            policy.close();
        }
    }

    /** The IN seed grown to a production-sized package (164 rules, see {@link LargePolicy}). */
    @State(Scope.Benchmark)
    public static class RealisticPolicy {

        CompiledPolicy policy;
        List<ApplicationMix.Case> mix;

        @Setup(Level.Trial)
        public void compile() {
            var large = LargePolicy.india(12);
            policy = PolicyCompiler.compile(large, 1);
            mix = ApplicationMix.of(policy.settings(), SEED);
            warm(policy, mix);
            Map<String, Integer> outcomes = new TreeMap<>();
            for (ApplicationMix.Case c : mix)
                outcomes.merge(policy.decide(c.application(), c.enrichment()).outcome(), 1, Integer::sum);
            System.out.println("# IN with " + LargePolicy.rules(large) + " rules, mix of " + mix.size()
                    + " applications: " + outcomes);
        }

        @TearDown(Level.Trial)
        public void close() {
            policy.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Baseline {

        final HandWrittenIndiaPolicy policy = new HandWrittenIndiaPolicy();
        List<ApplicationMix.Case> mix;

        @Setup(Level.Trial)
        public void prepare() {
            try (CompiledPolicy engine = PolicyCompiler.compile(SeedPackagesOnDisk.load("IN"), 1)) {
                mix = ApplicationMix.of(engine.settings(), SEED);
                warm(engine, mix);
                int same = 0;
                for (ApplicationMix.Case c : mix) {
                    if (engine.decide(c.application(), c.enrichment())
                            .outcome()
                            .equals(policy.decide(c.application(), c.enrichment())
                                    .outcome())) same++;
                }
                System.out.println(
                        "# hand-written IN policy agrees with the seed IN package on " + same + " of " + mix.size());
            }
        }
    }

    /**
     * Decisions on cold code can overrun the time budget on a busy machine and come back REFER; the
     * service warms every version before it serves (CompiledPolicies), and so does this.
     */
    static void warm(CompiledPolicy policy, List<ApplicationMix.Case> mix) {
        for (int round = 0; round < 50; round++) {
            for (ApplicationMix.Case c : mix) policy.decide(c.application(), c.enrichment());
        }
    }

    /** Each thread walks the mix in order, so every benchmark sees the same applications. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        ApplicationMix.Case next(List<ApplicationMix.Case> mix) {
            return mix.get(next++ & (ApplicationMix.SIZE - 1));
        }
    }

    @Benchmark
    public EngineResult seedPolicy(MarketPolicy state, Cursor cursor) {
        ApplicationMix.Case c = cursor.next(state.mix);
        return state.policy.decide(c.application(), c.enrichment());
    }

    @Benchmark
    public EngineResult realisticIndia(RealisticPolicy state, Cursor cursor) {
        ApplicationMix.Case c = cursor.next(state.mix);
        return state.policy.decide(c.application(), c.enrichment());
    }

    @Benchmark
    public HandWrittenIndiaPolicy.Result handWrittenIndia(Baseline state, Cursor cursor) {
        ApplicationMix.Case c = cursor.next(state.mix);
        return state.policy.decide(c.application(), c.enrichment());
    }

    /** Runs every benchmark here; JMH options (-f, -wi, -i, -p market=IN...) may follow. */
    public static void main(String[] args) throws Exception {
        String[] withInclude = new String[args.length + 1];
        withInclude[0] = DecisionBenchmark.class.getName();
        System.arraycopy(args, 0, withInclude, 1, args.length);
        org.openjdk.jmh.Main.main(withInclude);
    }
}
