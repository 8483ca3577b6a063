package io.credence.benchmark;

import io.credence.engine.BytecodeCheckProbe;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.PolicyPackage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the policy sandbox's bytecode check costs on the large (about 200-rule) package: the check
 * of every class its build generates, next to the whole compile that includes it. The per-decision
 * cost is DecisionBenchmark's, run before and after (docs/performance.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SandboxBenchmark {

    @State(Scope.Benchmark)
    public static class LargePackage {
        PolicyPackage policy;
        List<byte[]> classes;

        @Setup(Level.Trial)
        public void build() {
            policy = LargePolicy.india(12);
            classes = BytecodeCheckProbe.generatedClasses(policy);
            System.out.println("# " + LargePolicy.rules(policy) + " rules, " + classes.size() + " generated classes, "
                    + classes.stream().mapToInt(c -> c.length).sum() + " bytes");
        }
    }

    @Benchmark
    public int bytecodeCheckOfEveryGeneratedClass(LargePackage state) {
        return BytecodeCheckProbe.check(state.classes);
    }

    @Benchmark
    public String compileWithEveryCheck(LargePackage state) {
        try (CompiledPolicy compiled = PolicyCompiler.compile(state.policy, 1)) {
            return compiled.digest();
        }
    }

    public static void main(String[] args) throws Exception {
        String[] withInclude = new String[args.length + 1];
        withInclude[0] = SandboxBenchmark.class.getName();
        System.arraycopy(args, 0, withInclude, 1, args.length);
        org.openjdk.jmh.Main.main(withInclude);
    }
}
