package io.credence.benchmark;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.EngineResult;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.PolicyPackage;
import io.credence.engine.SeedPackagesOnDisk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One in-process GB decision with each kind of risk model, the rules unchanged: GB's hand-set PMML
 * scorecard (reason codes from the PMML), the logistic regression GB ships, and a 100-tree
 * gradient-boosted classifier trained on the same data (pmml-models/GB/train), whose reasons come
 * from walking its trees again for each input (TreeEnsemble), not from evaluating the model per input. Target: the GBM decision within 3x the scorecard one at p50.
 * Run as {@link DecisionBenchmark} is run (docs/performance.md), with this class's name.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RiskModelBenchmark {

    private static final long SEED = 20261121L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @State(Scope.Benchmark)
    public static class GbPolicy {

        @Param({"scorecard", "logistic", "gbm"})
        public String model;

        CompiledPolicy policy;
        List<ApplicationMix.Case> mix;

        @Setup(Level.Trial)
        public void compile() {
            policy = PolicyCompiler.compile(gb(model), 1);
            mix = ApplicationMix.of(policy.settings(), SEED);
            DecisionBenchmark.warm(policy, mix);
            Map<String, Integer> outcomes = new TreeMap<>();
            for (ApplicationMix.Case c : mix)
                outcomes.merge(policy.decide(c.application(), c.enrichment()).outcome(), 1, Integer::sum);
            System.out.println("# GB with " + model + " (" + policy.riskModelType() + "), mix of " + mix.size()
                    + " applications: " + outcomes);
        }

        @TearDown(Level.Trial)
        public void close() {
            policy.close();
        }
    }

    /** GB's seed package with the chosen model; the scorecard reads points itself, so its market.json has no model section. */
    static PolicyPackage gb(String model) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("GB").artifacts());
        switch (model) {
            case "logistic" -> {}
            case "gbm" -> artifacts.put(PolicyPackage.SCORECARD, resource("gbm-100-trees.pmml"));
            case "gbm-no-reasons" -> {
                // The same GBM without model.reasonCodes: what the score alone costs, to tell it from the reasons.
                artifacts.put(PolicyPackage.SCORECARD, resource("gbm-100-trees.pmml"));
                ObjectNode settings = (ObjectNode) JSON.readTree(artifacts.get(PolicyPackage.SETTINGS));
                ((ObjectNode) settings.path("model")).remove("reasonCodes");
                artifacts.put(PolicyPackage.SETTINGS, JSON.writeValueAsString(settings));
            }
            case "scorecard" -> {
                artifacts.put(PolicyPackage.SCORECARD, resource("gb-hand-set-scorecard.pmml"));
                ObjectNode settings = (ObjectNode) JSON.readTree(artifacts.get(PolicyPackage.SETTINGS));
                settings.remove("model");
                artifacts.put(PolicyPackage.SETTINGS, JSON.writeValueAsString(settings));
            }
            default -> throw new IllegalArgumentException("no model " + model);
        }
        return PolicyPackage.of("GB", artifacts);
    }

    private static String resource(String name) {
        try (InputStream in = RiskModelBenchmark.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing benchmark resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public EngineResult gbDecision(GbPolicy state, DecisionBenchmark.Cursor cursor) {
        ApplicationMix.Case c = cursor.next(state.mix);
        return state.policy.decide(c.application(), c.enrichment());
    }

    /** Runs the three; JMH options (-f, -wi, -i, -p model=gbm...) may follow. */
    public static void main(String[] args) throws Exception {
        String[] withInclude = new String[args.length + 1];
        withInclude[0] = RiskModelBenchmark.class.getName();
        System.arraycopy(args, 0, withInclude, 1, args.length);
        org.openjdk.jmh.Main.main(withInclude);
    }
}
